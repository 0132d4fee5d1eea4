import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  findKeysByPrefix,
  insertApiKey,
  KEY_REVOKED_CHANNEL,
  listApiKeys,
  revokeApiKey,
  touchKey,
} from '../db/api-keys';
import { insertOwner } from '../db/members';
import { findOrganization, insertOrganization } from '../db/organizations';
import { readPage } from '../db/reads';
import type { Db, Tx } from '../db/pool';
import { findMembershipRole, upsertUser } from '../db/users';
import { activateWorkspaceInvitations } from '../db/workspaces';
import { AuthenticationError, ForbiddenError, NotFoundError } from '../errors';
import { recordAudit } from '../db/audit';
import { type Caller, type Role, outranks, requireRole } from '../caller';

type Mode = 'test' | 'live';
const KEY_PATTERN = /^yp_(test|live)_([0-9A-Za-z]{40})$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

function newSecret(mode: Mode): { secret: string; prefix: string; hash: Buffer } {
  // 40 base62 characters ≈ 238 bits; modulo bias of 256 % 62 is irrelevant at this length.
  const body = Array.from(randomBytes(40), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  const secret = `yp_${mode}_${body}`;
  return { secret, prefix: secret.slice(0, 16), hash: hashKey(secret) };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('yp_');
}

type KeyIdentity = Omit<Caller, 'requestId'>;
interface KeyCache {
  entries: Map<string, { identity: KeyIdentity; expires: number }>;
  /** Set while a LISTEN is in effect or being set up; cleared when its connection is lost. */
  listening: Promise<boolean> | undefined;
  /** Changes on every revocation heard and every loss: a lookup that spans one may have read a revoked key. */
  generation: number;
}
const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 10_000;
/** After a failed LISTEN, the next attempt waits this long (lookups meanwhile read the database). */
const LISTEN_RETRY_MS = 1_000;
const keyCaches = new WeakMap<Db, KeyCache>();

function forgetKey(cache: KeyCache | undefined, keyId: string): void {
  for (const [hash, entry] of cache?.entries ?? [])
    if (entry.identity.apiKeyId === keyId) cache!.entries.delete(hash);
}

/**
 * The process's cache of verified keys for `db`. A revocation evicts at once in the revoking process and,
 * by NOTIFY, in every other; the TTL bounds what a missed notification could leave behind. Without a
 * listening connection nothing is cached: when it is lost every entry is dropped, and a later lookup listens again.
 */
function keyCacheOf(db: Db): KeyCache {
  let cache = keyCaches.get(db);
  if (!cache) {
    cache = { entries: new Map(), listening: undefined, generation: 0 };
    keyCaches.set(db, cache);
  }
  const current = cache;
  current.listening ??= db
    .listen(
      KEY_REVOKED_CHANNEL,
      (keyId) => {
        current.generation++;
        forgetKey(current, keyId);
      },
      () => {
        current.generation++;
        current.entries.clear();
        current.listening = undefined;
      },
    )
    .then(
      () => true,
      () => {
        setTimeout(() => (current.listening = undefined), LISTEN_RETRY_MS).unref();
        return false;
      },
    );
  return current;
}

/** Resolves an API key to its organization and role; unknown, malformed and revoked keys answer 401. */
export async function authenticateApiKey(db: Db, token: string): Promise<KeyIdentity> {
  const match = KEY_PATTERN.exec(token);
  if (!match)
    throw new AuthenticationError(
      'Malformed API key. Keys look like `yp_test_…` or `yp_live_…` (48 characters).',
    );
  const hash = hashKey(token);
  const cache = keyCacheOf(db);
  const cacheKey = hash.toString('base64');
  const cached = cache.entries.get(cacheKey);
  if (cached && cached.expires > Date.now()) return cached.identity;
  const since = cache.generation;

  const candidates = await findKeysByPrefix(db.pool, token.slice(0, 16));
  const key = candidates.find((candidate) => timingSafeEqual(candidate.key_hash, hash));
  if (!key)
    throw new AuthenticationError(
      'Invalid API key. Check for a typo, or create a new key with `yardpass keys create`.',
    );
  if (key.revoked_at)
    throw new AuthenticationError(`This API key was revoked at ${key.revoked_at}; use another key.`);
  // `last_used_at` is kept to the minute, so most lookups write nothing here.
  if (!key.last_used_at || Date.now() - Date.parse(key.last_used_at) > 60_000)
    await db.system((tx) => touchKey(tx, key.id));
  const identity: KeyIdentity = {
    orgId: key.org_id,
    role: key.role,
    kind: 'api_key',
    apiKeyId: key.id,
    apiKeyPrefix: key.prefix,
    mode: key.mode,
  };
  if ((await cache.listening) && since === cache.generation) {
    if (cache.entries.size >= KEY_CACHE_MAX) cache.entries.delete(cache.entries.keys().next().value!);
    cache.entries.set(cacheKey, { identity, expires: Date.now() + KEY_CACHE_TTL_MS });
  }
  return identity;
}

/** Resolves a verified JWT subject to a user and their membership of `orgId`. */
export async function authenticateUser(
  db: Db,
  claims: { subject: string; email: string | null; orgId: string },
): Promise<Omit<Caller, 'requestId'>> {
  return db.system(async (tx) => {
    const userId = await upsertUser(tx, { subject: claims.subject, email: claims.email });
    const role = await findMembershipRole(tx, { orgId: claims.orgId, userId, email: claims.email });
    if (!role) throw new ForbiddenError('You are not a member of the organization named by X-Org-Id.');
    // Workspace invitations to the email activate on sign-in too, as the organization's do.
    if (claims.email)
      await activateWorkspaceInvitations(tx, { orgId: claims.orgId, userId, email: claims.email });
    return { orgId: claims.orgId, role, kind: 'user', userId, email: claims.email };
  });
}

/**
 * Creates an organization with an owner API key (and, when given, an owner user): the bootstrap path of
 * `yardpass-server orgs create` and of `dev --seed`.
 */
export async function createOrganization(
  db: Db,
  input: { name: string; mode?: Mode; ownerSubject?: string },
): Promise<{ organization: { id: string; name: string; created_at: string }; apiKey: string }> {
  return db.system(async (tx) => {
    const organization = await insertOrganization(tx, input.name);
    if (input.ownerSubject) {
      const userId = await upsertUser(tx, { subject: input.ownerSubject, email: null });
      await insertOwner(tx, { orgId: organization.id, userId });
    }
    const key = await storeKey(tx, {
      orgId: organization.id,
      name: 'Owner key',
      mode: input.mode ?? 'test',
      role: 'owner',
    });
    return { organization, apiKey: key.secret };
  });
}

async function storeKey(tx: Tx, key: { orgId: string; name: string; mode: Mode; role: Role }) {
  const { secret, prefix, hash } = newSecret(key.mode);
  const row = await insertApiKey(tx, { ...key, prefix, hash });
  return { ...row, secret };
}

export async function getCurrentOrganization(db: Db, caller: Caller) {
  const organization = await db.read(caller.orgId, (tx) => findOrganization(tx, caller.orgId));
  if (!organization) throw new NotFoundError('organization');
  return {
    ...organization,
    caller: {
      kind: caller.kind,
      role: caller.role,
      ...(caller.kind === 'api_key'
        ? { api_key_id: caller.apiKeyId, api_key_prefix: caller.apiKeyPrefix, mode: caller.mode }
        : { user_id: caller.userId, email: caller.email ?? null }),
    },
  };
}

export function createApiKey(db: Db, caller: Caller, input: { name: string; mode?: Mode; role?: Role }) {
  requireRole(caller, 'admin', 'create API keys');
  const role = input.role ?? 'admin';
  if (!outranks(caller.role, role))
    throw new ForbiddenError(`You cannot create a key with a role above your own (${caller.role}).`);
  return db.tenant(caller.orgId, async (tx) => {
    const key = await storeKey(tx, {
      orgId: caller.orgId,
      name: input.name,
      mode: input.mode ?? 'test',
      role,
    });
    await recordAudit(tx, caller, { action: 'api_key.create', resourceType: 'api_key', resourceId: key.id });
    return key;
  });
}

export function listApiKeysPage(db: Db, caller: Caller, query: { limit?: number; starting_after?: string }) {
  requireRole(caller, 'admin', 'list API keys');
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listApiKeys(tx, page),
    (row) => row.created_at,
  );
}

export function revokeKey(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'admin', 'revoke API keys');
  return db
    .tenant(caller.orgId, async (tx) => {
      const key = await revokeApiKey(tx, id);
      if (!key) throw new NotFoundError('API key');
      await recordAudit(tx, caller, { action: 'api_key.revoke', resourceType: 'api_key', resourceId: id });
      return key;
    })
    .finally(() => forgetKey(keyCaches.get(db), id));
}
