/** Accounts and sign-in sessions: only hashes of passwords and session tokens are stored. */
import type { Generated } from 'kysely';
import type { Role } from './model.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  /** The State (ISO3) of a national editor (migration 0011). */
  state: string | null;
  /** When an admin disabled the account; null while it may sign in (migration 0011). */
  disabled_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

declare module '../store/database.js' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
  }
}
