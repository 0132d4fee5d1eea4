import type { Resource } from './resource.js';

export const orgs: Resource = {
  name: 'orgs',
  noun: 'organization',
  summary: 'Your organization',
  label: ['name'],
  commands: [
    {
      kind: 'item',
      path: 'current',
      operationId: 'getCurrentOrganization',
      summary: 'Show the organization your API key acts in, and who you are in it',
      examples: ['yardpass orgs current', 'yardpass orgs current --json | jq -r .id'],
      call: (client) => client.organizations.retrieveCurrent(),
    },
  ],
};
