/** Accounts: who may change which records (README, "Accounts and changing records"). */

/**
 * - `admin`: manages accounts and may change every record;
 * - `isu`: the Implementation Support Unit: reads everything, changes treaty records;
 * - `editor`: a national editor: changes the records of its State only (the account's `state`);
 * - `viewer`: reads.
 */
export const ROLES = ['admin', 'isu', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may change some records; a viewer only reads. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'isu', 'editor'];

/** A user as the rest of the server sees one: never with the password hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The State (ISO3) a national editor works for; null for the other roles. */
  state: string | null;
  /** A disabled account cannot sign in; its sessions are ended. */
  disabled: boolean;
  createdAt: string;
}

/** What the role and State let a user change (the HTTP kit's `Grants`). */
export function grantsOf(user: Pick<User, 'role' | 'state' | 'disabled'>): {
  treaty: boolean;
  states: 'every' | readonly string[];
} {
  if (user.disabled) return { treaty: false, states: [] };
  switch (user.role) {
    case 'admin':
      return { treaty: true, states: 'every' };
    case 'isu':
      return { treaty: true, states: [] };
    case 'editor':
      return { treaty: false, states: user.state === null ? [] : [user.state] };
    case 'viewer':
      return { treaty: false, states: [] };
  }
}
