/** Accounts: who may change the records (README, "Accounts and changing records"). */

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may change the records; a viewer only reads. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'editor'];

/** A user as the rest of the server sees one: never with the password hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}
