/**
 * Roles per State: an `isu` role, the State a national editor works for, and disabled accounts.
 * Values written out (a migration is a snapshot of its day). An editor made before this
 * migration has no State and changes no records until an admin gives it one (minefree user role).
 *
 * SQLite cannot change a CHECK constraint, so `users` is rebuilt (SQLite's documented twelve
 * steps): foreign keys are off while the table is copied, then checked before they come back on.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { idColumn, oneOf } from '../../store/migration-helpers.js';

const ROLES = ['admin', 'isu', 'editor', 'viewer'];
const OLD_ROLES = ['admin', 'editor', 'viewer'];

function stateShape(dialect: DialectName) {
  const shape = dialect === 'sqlite' ? sql`state glob '[A-Z][A-Z][A-Z]'` : sql`state ~ '^[A-Z]{3}$'`;
  return sql`state is null or (role = 'editor' and ${shape})`;
}

async function rebuildSqliteUsers(db: Kysely<unknown>, withScope: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      let create = trx.schema
        .createTable('users_new')
        .addColumn('id', 'integer', idColumn('sqlite'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull());
      if (withScope)
        create = create
          .addColumn('state', 'text')
          .addColumn('disabled_at', 'text')
          .addCheckConstraint('users_role', oneOf('role', ROLES))
          .addCheckConstraint('users_state', stateShape('sqlite'));
      else create = create.addCheckConstraint('users_role', oneOf('role', OLD_ROLES));
      await create.execute();
      const columns = sql.raw('id, email, name, role, password_hash, created_at');
      if (withScope) await sql`insert into users_new (${columns}) select ${columns} from users`.execute(trx);
      else
        await sql`insert into users_new (${columns}) select id, email, name, case when role = 'isu' then 'viewer' else role end, password_hash, created_at from users`.execute(
          trx,
        );
      await trx.schema.dropTable('users').execute();
      await trx.schema.alterTable('users_new').renameTo('users').execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`foreign keys broken by the users rebuild: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export function rolesPerStateMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') return rebuildSqliteUsers(db, true);
      await db.schema.alterTable('users').dropConstraint('users_role').execute();
      await db.schema.alterTable('users').addCheckConstraint('users_role', oneOf('role', ROLES)).execute();
      await db.schema.alterTable('users').addColumn('state', 'text').execute();
      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      await db.schema.alterTable('users').addCheckConstraint('users_state', stateShape(dialect)).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') return rebuildSqliteUsers(db, false);
      // An ISU account becomes a viewer: the older schema has no such role.
      await sql`update users set role = 'viewer' where role = 'isu'`.execute(db);
      await db.schema.alterTable('users').dropConstraint('users_state').execute();
      await db.schema.alterTable('users').dropColumn('disabled_at').execute();
      await db.schema.alterTable('users').dropColumn('state').execute();
      await db.schema.alterTable('users').dropConstraint('users_role').execute();
      await db.schema.alterTable('users').addCheckConstraint('users_role', oneOf('role', OLD_ROLES)).execute();
    },
  };
}
