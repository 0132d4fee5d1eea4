import type { Resource } from './resource.js';
import { roles } from './roles.js';

const keyId = '7d3e9b2a-1c4f-4e8a-b6d5-2f0e1a9c8b7d';

export const keys: Resource = {
  name: 'keys',
  noun: 'API key',
  summary: "Your organization's API keys",
  label: ['name', 'prefix'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listApiKeys',
      summary: 'List API keys (never their secrets)',
      examples: ['yardpass keys list'],
      columns: ['id', 'name', 'prefix', 'mode', 'role', 'last_used_at', 'revoked_at'],
      call: (client, query) => client.apiKeys.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createApiKey',
      summary: 'Create an API key; its secret is shown only once',
      examples: [
        'yardpass keys create --name "CI deploys" --role member',
        'yardpass keys create --name backend --json | jq -r .secret',
      ],
      fields: [
        { name: 'name', description: 'A name to recognise the key by', required: true },
        { name: 'mode', description: 'test or live (default test)', choices: ['test', 'live'] },
        { name: 'role', description: 'What the key may do (default admin)', choices: roles },
      ],
      done: 'Created',
      notice: 'Copy the secret now: it is never shown again.',
      call: (client, { body }) => client.apiKeys.create(body),
    },
    {
      kind: 'item',
      path: 'revoke',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key; it stops working at once',
      examples: [`yardpass keys revoke ${keyId}`, `yardpass keys revoke ${keyId} --yes`],
      id: true,
      confirm: (what) => `Revoke ${what}? Anything using it stops working at once.`,
      done: 'Revoked',
      silent: true,
      call: (client, { id }) => client.apiKeys.revoke(id),
    },
  ],
};
