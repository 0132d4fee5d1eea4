import { ForbiddenError } from './errors';

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

/** Who is making a request, resolved by authentication. The domain acts for it and only inside `orgId`. */
export interface Caller {
  orgId: string;
  role: Role;
  /** An operator (a platform operator key) belongs to no organization and may call only the ops operations. */
  kind: 'api_key' | 'user' | 'operator';
  operatorId?: string;
  apiKeyId?: string;
  apiKeyPrefix?: string;
  mode?: 'test' | 'live';
  userId?: string;
  email?: string | null;
  requestId: string;
}

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Throws unless the caller's role is at least `minimum`. */
export function requireRole(caller: Caller, minimum: Role, action: string): void {
  if (rank[caller.role] < rank[minimum]) {
    throw new ForbiddenError(
      `Your role (${caller.role}) cannot ${action}; ask an ${minimum} or owner of the organization.`,
    );
  }
}

export function outranks(role: Role, other: Role): boolean {
  return rank[role] >= rank[other];
}
