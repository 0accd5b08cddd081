/**
 * The treaty pillar's tables as Kysely sees them. Dates are TEXT `YYYY-MM-DD` (or partial
 * `YYYY`/`YYYY-MM`), flags INTEGER 0/1 and lists of source ids JSON text, so no value changes
 * type between SQLite and PostgreSQL (src/store/README: one shape for both engines).
 */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { Flag, SourceIdsJson } from '../store/database.js';
import type { InstrumentKind, NoticeKind } from './model.js';

export interface StatesTable {
  iso3: StateCode;
  name: string;
  entry_into_force_stated: CalendarDate | null;
  sources: SourceIdsJson;
}

export interface InstrumentsTable {
  id: Generated<number>;
  iso3: StateCode;
  kind: InstrumentKind;
  /** Date of deposit (of signing, for a signature); null only for a withdrawal known without it. */
  deposited: CalendarDate | null;
  effective_stated: CalendarDate | null;
  announced: CalendarDate | null;
  armed_conflict: Flag;
  conflict_ended: CalendarDate | null;
  sources: SourceIdsJson;
  created_at: string;
  created_by: number | null;
}

export interface Article5RecordsTable {
  iso3: StateCode;
  original_deadline_stated: CalendarDate | null;
  current_deadline_stated: PartialDate | null;
  current_deadline_as_of: PartialDate | null;
  completed: PartialDate | null;
  notes: string;
  sources: SourceIdsJson;
}

export interface ExtensionDecisionsTable {
  id: Generated<number>;
  iso3: StateCode;
  /** Order in the State's chain of extensions, from 0. */
  position: number;
  granted: PartialDate | null;
  deadline: PartialDate | null;
  decided_at_meeting: string | null;
  sources: SourceIdsJson;
}

/** Issue 14: a declaration of completion or a report of newly found mined areas, with its day. */
export interface Article5EventsTable {
  id: Generated<number>;
  iso3: StateCode;
  kind: 'declaration' | 'reopening';
  day: PartialDate;
  sources: SourceIdsJson;
}

/** The date from which a notification of succession takes effect, as the Depositary records it. */
export interface SuccessionsTable {
  iso3: StateCode;
  effective: CalendarDate;
  sources: SourceIdsJson;
}

/** A notice that is not an Article 20 withdrawal (issue 14). */
export interface TreatyNoticesTable {
  id: Generated<number>;
  iso3: StateCode;
  kind: NoticeKind;
  date: CalendarDate;
  notified: CalendarDate | null;
  description: string;
  positions: string;
  sources: SourceIdsJson;
}

/** A former name of a State, used on dates before `until`. */
export interface FormerNamesTable {
  id: Generated<number>;
  iso3: StateCode;
  name: string;
  until: CalendarDate;
  sources: SourceIdsJson;
}

/** The tables the seed loads from data/, children before parents. */
export const TREATY_REFERENCE_TABLES = [
  'former_names',
  'treaty_notices',
  'article5_events',
  'successions',
  'extension_decisions',
  'article5_records',
  'instruments',
  'states',
] as const;

declare module '../store/database.js' {
  interface Database {
    states: StatesTable;
    instruments: InstrumentsTable;
    article5_records: Article5RecordsTable;
    extension_decisions: ExtensionDecisionsTable;
    article5_events: Article5EventsTable;
    successions: SuccessionsTable;
    treaty_notices: TreatyNoticesTable;
    former_names: FormerNamesTable;
  }
}
