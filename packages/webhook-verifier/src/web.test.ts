import { describe, expect, expectTypeOf, it } from 'vitest';
import * as node from './index';
import * as web from './web';

describe('web entry', () => {
  it('exports the same API as the Node entry when compared at runtime and in types', () => {
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort());
    expectTypeOf<typeof web>().toEqualTypeOf<typeof node>();
  });

  it('throws the same error class when imported beside the Node entry', () => {
    expect(web.WebhookVerificationError).toBe(node.WebhookVerificationError);
  });
});
