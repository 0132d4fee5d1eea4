import type { Resource } from './resource.js';

export const auditLog: Resource = {
  name: 'audit-log',
  noun: 'audit log entry',
  summary: 'Every change made in your organization, kept 30 days',
  label: ['action', 'created_at'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listAuditLog',
      summary: 'List audit log entries, newest first (owner or admin)',
      examples: [
        'yardpass audit-log list --limit 100',
        'yardpass audit-log list --resource-type event --json',
      ],
      filters: [
        { name: 'action', description: 'Only this action, e.g. event.create' },
        { name: 'resource_type', description: 'Only about this kind of resource, e.g. event' },
      ],
      columns: ['created_at', 'action', 'resource_type', 'resource_id', 'actor_type', 'request_id'],
      call: (client, query) => client.auditLog.list(query),
    },
  ],
};
