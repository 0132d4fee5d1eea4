import { describe, expect, expectTypeOf, it } from 'vitest';
import * as node from './index';
import * as web from './web';

describe('web entry', () => {
  it('exports the same API as the Node entry, so both share one set of type declarations', () => {
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort());
    expectTypeOf<typeof web>().toEqualTypeOf<typeof node>();
  });

  it('shares the error class with the Node entry', () => {
    expect(web.WebhookVerificationError).toBe(node.WebhookVerificationError);
  });
});
