import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '../caller';
import { findOperatorsByPrefix, insertOperator, touchOperator } from '../db/operators';
import type { Db } from '../db/pool';
import { AuthenticationError } from '../errors';

const OPERATOR_KEY = /^yp_op_[0-9A-Za-z]{40}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Platform operators act in no organization: this one owns nothing, so row-level security shows nothing. */
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

const hashKey = (key: string) => createHash('sha256').update(key).digest();

export function looksLikeOperatorKey(token: string): boolean {
  return token.startsWith('yp_op_');
}

/**
 * Creates a platform operator key (`yardpass-server operators create`): it reads every organization's ops views
 * and may call only the operations marked `x-platform-operator` in the contract. Shown once; a hash is kept.
 */
export async function createOperator(db: Db, name: string) {
  const body = Array.from(randomBytes(40), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  const key = `yp_op_${body}`;
  const operator = await db.system((tx) =>
    insertOperator(tx, { name, prefix: key.slice(0, 14), hash: hashKey(key) }),
  );
  return { operator, key };
}

/** Resolves an operator key; unknown, malformed and revoked keys answer 401. */
export async function authenticateOperator(db: Db, token: string): Promise<Omit<Caller, 'requestId'>> {
  if (!OPERATOR_KEY.test(token))
    throw new AuthenticationError(
      'Malformed operator key. Operator keys look like `yp_op_…` (46 characters).',
    );
  const hash = hashKey(token);
  return db.system(async (tx) => {
    const candidates = await findOperatorsByPrefix(tx, token.slice(0, 14));
    const operator = candidates.find((candidate) => timingSafeEqual(candidate.key_hash, hash));
    if (!operator || operator.revoked_at)
      throw new AuthenticationError(
        'Invalid or revoked operator key; create one on the server with `yardpass-server operators create`.',
      );
    await touchOperator(tx, operator.id);
    return { orgId: NO_ORGANIZATION, role: 'viewer', kind: 'operator', operatorId: operator.id };
  });
}
