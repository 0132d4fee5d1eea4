import { serialize } from 'node:v8';
import { expect, it } from 'vitest';
import { loadSpec } from './spec';

/** V8's serializer tags a string held one byte a character with `"`, two bytes a character with `c`. */
const oneByteTag = serialize('x')[2];
const isOneByte = (text: string) => serialize(text)[2] === oneByteTag;

// This file imports nothing else of the server, so the contract is the first to name these properties.
it('keeps names from the contract one byte a character, so JSON answers that use them stay one byte too', () => {
  loadSpec();
  const answer = JSON.stringify(
    JSON.parse('{"availability":{"max_per_sponsor":1},"constraints":{"category_allow":["Beverage"]}}'),
  );
  expect(isOneByte(answer)).toBe(true);
  expect(isOneByte(JSON.stringify(['\u2014']))).toBe(false);
});
