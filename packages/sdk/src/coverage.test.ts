import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Yardpass } from './index.js';
import { APIResource } from './resource.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

interface SpecOperation {
  operationId: string;
  route: string;
}

/** The public operations of openapi.yaml (those marked `x-internal`, like /healthz, are left out). */
async function specOperations(): Promise<SpecOperation[]> {
  const text = await readFile(new URL('../../../openapi.yaml', import.meta.url), 'utf8');
  const spec = parse(text) as {
    paths: Record<string, Record<string, { operationId?: string; 'x-internal'?: boolean }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation?.operationId || operation['x-internal']) return [];
      return [{ operationId: operation.operationId, route: `${method.toUpperCase()} ${path}` }];
    }),
  );
}

/** Every SDK method, as `resource.method` → the operation it performs. */
function sdkMethods(): Map<string, { name: string; route: string }> {
  const yardpass = new Yardpass({ apiKey: 'yp_test_coverage' });
  const methods = new Map<string, { name: string; route: string }>();
  const visit = (resourceName: string, resource: APIResource) => {
    for (const [methodName, method] of Object.entries(resource)) {
      // Nested resources (`yardpass.webhooks.endpoints`) hold methods too.
      if (method instanceof APIResource) visit(`${resourceName}.${methodName}`, method);
      const { operationId, route } = method as { operationId?: string; route?: string };
      if (operationId && route) methods.set(operationId, { name: `${resourceName}.${methodName}`, route });
    }
  };
  for (const [resourceName, resource] of Object.entries(yardpass)) {
    if (resource instanceof APIResource) visit(resourceName, resource);
  }
  return methods;
}

describe('SDK coverage of openapi.yaml', () => {
  it('has a method for every public operation', async () => {
    const methods = sdkMethods();
    const missing = (await specOperations())
      .filter(({ operationId }) => !methods.has(operationId))
      .map(({ operationId, route }) => `${operationId} (${route})`);
    expect(missing, `Operations without an SDK method: ${missing.join(', ')}`).toEqual([]);
  });

  it('sends each method to the route of its operation', async () => {
    const spec = new Map((await specOperations()).map(({ operationId, route }) => [operationId, route]));
    const wrong = [...sdkMethods()]
      .filter(([operationId, { route }]) => spec.get(operationId) !== route)
      .map(
        ([operationId, { name, route }]) =>
          `${name} sends ${operationId} to ${route}, the spec says ${spec.get(operationId)}`,
      );
    expect(wrong).toEqual([]);
  });

  it('finds the methods it checks', () => {
    expect(sdkMethods().get('revokeApiKey')).toEqual({
      name: 'apiKeys.revoke',
      route: 'POST /v1/api-keys/{id}:revoke',
    });
  });
});
