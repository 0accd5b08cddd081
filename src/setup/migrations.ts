/**
 * Every table of minefree, pillar by pillar: the one list of migrations, in the order they run.
 * A new pillar adds its migrations here under the next free number (a test checks the order).
 */
import { accountsMigration } from '../accounts/migrations/0002-accounts.js';
import { rolesPerStateMigration } from '../accounts/migrations/0011-roles-per-state.js';
import { cooperationMigration } from '../cooperation/migrations/0009-cooperation.js';
import { clearanceMigration } from '../clearance/migrations/0006-clearance.js';
import { article5WorkflowMigration } from '../clearance/migrations/0007-article5-workflow.js';
import { readModelsMigration } from '../clearance/migrations/0012-read-models.js';
import { tileIndexMigration } from '../clearance/migrations/0019-tile-index.js';
import { tileRowsMigration } from '../clearance/migrations/0022-tile-rows.js';
import { tileIndexBulkMigration } from '../clearance/migrations/0023-tile-index-bulk.js';
import { boxIndexesMigration } from '../clearance/migrations/0026-box-indexes.js';
import { stockpilesMigration } from '../stockpiles/migrations/0008-stockpiles.js';
import { article7DraftsMigration } from '../reporting/migrations/0025-article7-drafts.js';
import { article7ReportsMigration } from '../reporting/migrations/0016-article7-reports.js';
import { sourcesMigration } from '../sources/migrations/0003-sources.js';
import type { DialectName, Store } from '../store/database.js';
import {
  type MigrationList,
  migrateDownToNothing as downToNothing,
  migrateTo as toName,
  migrateToLatest as toLatest,
  renameRunMigrations,
} from '../store/migrate.js';
import { auditLogMigration } from '../store/migrations/0001-audit-log.js';
import { reportedFiguresMigration } from '../transparency/migrations/0005-reported-figures.js';
import { treatyMigration } from '../treaty/migrations/0004-treaty.js';
import { victimsMigration } from '../victims/migrations/0010-victims.js';
import { casualtyChecksMigration } from '../victims/migrations/0017-casualty-checks.js';
import { casualtyKeysMigration } from '../victims/migrations/0020-casualty-keys.js';
import { vaFrameworksNoneMigration } from '../victims/migrations/0024-va-frameworks-none.js';
import { treatyEventsMigration } from '../treaty/migrations/0013-treaty-events.js';
import { article4FromLedgerMigration } from '../treaty/migrations/0027-article4-from-ledger.js';

export function migrations(dialect: DialectName): MigrationList {
  return {
    '0001-audit-log': auditLogMigration(dialect),
    '0002-accounts': accountsMigration(dialect),
    '0003-sources': sourcesMigration(dialect),
    '0004-treaty': treatyMigration(dialect),
    '0005-reported-figures': reportedFiguresMigration(dialect),
    '0006-clearance': clearanceMigration(dialect),
    '0007-article5-workflow': article5WorkflowMigration(dialect),
    '0008-stockpiles': stockpilesMigration(dialect),
    '0009-cooperation': cooperationMigration(dialect),
    '0010-victims': victimsMigration(dialect),
    '0011-roles-per-state': rolesPerStateMigration(dialect),
    '0012-read-models': readModelsMigration(dialect),
    '0013-treaty-events': treatyEventsMigration(dialect),
    '0016-article7-reports': article7ReportsMigration(dialect),
    '0017-casualty-checks': casualtyChecksMigration(dialect),
    '0019-tile-index': tileIndexMigration(dialect),
    '0020-casualty-keys': casualtyKeysMigration(dialect),
    '0022-tile-rows': tileRowsMigration(dialect),
    '0023-tile-index-bulk': tileIndexBulkMigration(dialect),
    '0024-va-frameworks-none': vaFrameworksNoneMigration(dialect),
    '0025-article7-drafts': article7DraftsMigration(dialect),
    '0026-box-indexes': boxIndexesMigration(dialect),
    '0027-article4-from-ledger': article4FromLedgerMigration(dialect),
  };
}

/** Databases made before the migrations were split by pillar ran these names; same tables, same order. */
export const SPLIT_MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  '0001-initial': ['0001-audit-log', '0002-accounts', '0003-sources', '0004-treaty', '0005-reported-figures'],
  '0002-clearance': ['0006-clearance'],
  '0003-article5-workflow': ['0007-article5-workflow'],
};

/** Brings the schema to the latest version; returns the names of the migrations it ran. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  await renameRunMigrations(store, SPLIT_MIGRATIONS);
  return toLatest(store, migrations);
}

/** Brings the schema up or down to the named migration. */
export const migrateTo = (store: Store, name: string): Promise<string[]> => toName(store, migrations, name);

/** Undoes every migration, newest first. */
export const migrateDownToNothing = (store: Store): Promise<string[]> => downToNothing(store, migrations);
