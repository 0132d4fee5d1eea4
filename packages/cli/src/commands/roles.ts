/** The roles of openapi.yaml's `Role`: owner and admin manage keys and members; viewer only reads. */
export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
