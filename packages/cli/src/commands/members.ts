import type { Resource } from './resource.js';
import { roles } from './roles.js';

const memberId = '3a9c5e7f-2b4d-4f6a-8c1e-9d0b2a4c6e8f';

export const members: Resource = {
  name: 'members',
  noun: 'member',
  summary: "Your organization's members and invitations",
  label: ['email', 'role'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listMembers',
      summary: 'List members and pending invitations',
      examples: ['yardpass members list'],
      columns: ['id', 'email', 'role', 'status', 'joined_at'],
      call: (client, query) => client.members.list(query),
    },
    {
      kind: 'item',
      path: 'invite',
      operationId: 'inviteMember',
      summary: 'Invite someone by email',
      examples: ['yardpass members invite --email ana@example.com --role admin'],
      fields: [
        { name: 'email', description: 'Email address to invite', required: true },
        { name: 'role', description: 'Their role (default member)', choices: roles },
      ],
      done: 'Invited',
      call: (client, { body }) => client.members.invite(body),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updateMember',
      summary: "Change a member's role",
      examples: [`yardpass members update ${memberId} --role viewer`],
      id: true,
      fields: [{ name: 'role', description: 'Their new role', choices: roles, required: true }],
      done: 'Updated',
      call: (client, { id, body }) => client.members.update(id, body),
    },
    {
      kind: 'item',
      path: 'remove',
      operationId: 'removeMember',
      summary: 'Remove a member, or cancel an invitation',
      examples: [`yardpass members remove ${memberId}`],
      id: true,
      confirm: (what) => `Remove ${what} from your organization?`,
      done: 'Removed',
      silent: true,
      call: (client, { id }) => client.members.remove(id),
    },
  ],
};
