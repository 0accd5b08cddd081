/**
 * The reference data in data/ (see data/SOURCES.md), read and checked. Every problem in every
 * file is collected before anything is thrown, so one run lists all that needs fixing.
 */
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { type CsvRow, readCsv } from '../core/csv.js';
import { DataError, type DataProblem } from '../core/errors.js';
import type { Validated } from '../core/field-reader.js';
import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import { SOURCES_COLUMNS, sourcesFromRows } from '../sources/reference.js';
import {
  ARTICLE5_COLUMNS,
  STATES_COLUMNS,
  NAMES_COLUMNS,
  NOTICES_COLUMNS,
  applyFormerNames,
  SUCCESSIONS_COLUMNS,
  applyNotices,
  applySuccessions,
  article5FromRows,
  entryIntoForceByState,
  statesFromRows,
} from './reference-rows.js';
import {
  COMPLETIONS_COLUMNS,
  DECISIONS_COLUMNS,
  MEETINGS_COLUMNS,
  type Meeting,
  REOPENED_COLUMNS,
  completionsFromRows,
  decisionsFromRows,
  meetingsFromRows,
  mergeArticle5,
  reopenedFromRows,
} from './reference-article5.js';
import { article5OriginalDeadline } from './article5.js';
import { TreatyEngine, type TreatyFacts } from './status.js';
import { withArticle4 } from '../stockpiles/article4-record.js';
import type { LedgerEntry } from '../stockpiles/model.js';
import { loadLedgers } from '../stockpiles/reference.js';
import type { StateCode } from '../core/states.js';

export interface ReferenceData {
  /** The facts, Article 4 derived from the stockpile ledger. */
  facts: TreatyFacts;
  /** stockpile_ledger.csv by State (the stockpiles pillar seeds it; the facts' Article 4 comes from it). */
  ledgers: Map<StateCode, LedgerEntry[]>;
  sources: Map<SourceId, Source>;
  /** meetings.csv: the Meetings of the States Parties and Review Conferences with their days. */
  meetings: Map<string, Meeting>;
}

export { DEFAULT_DATA_DIR } from '../core/data-dir.js';

export function loadReference(dir: string = DEFAULT_DATA_DIR): ReferenceData {
  const problems: DataProblem[] = [];
  const read = (file: string, columns: readonly string[]): CsvRow[] | null => {
    try {
      return readCsv(join(dir, file), file, columns);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems);
      return null;
    }
  };
  const take = <T>(result: Validated<T>): T => {
    problems.push(...result.problems);
    return result.value;
  };

  const sourceRows = read('sources.csv', SOURCES_COLUMNS);
  const sources = sourceRows === null ? new Map<SourceId, Source>() : take(sourcesFromRows(sourceRows));
  // Without a readable sources.csv, source ids cannot be checked: that file's problem is reported instead.
  const known = sourceRows === null ? null : new Set(sourceRows.map((r) => r.get('id')));

  const stateRows = read('states.csv', STATES_COLUMNS);
  const statedStates = stateRows === null ? [] : take(statesFromRows('states.csv', stateRows, known));
  const successionRows = read('successions.csv', SUCCESSIONS_COLUMNS);
  const succeeded =
    successionRows === null ? statedStates : take(applySuccessions(successionRows, statedStates, known));
  const noticeRows = read('treaty_notices.csv', NOTICES_COLUMNS);
  const noticed = noticeRows === null ? succeeded : take(applyNotices(noticeRows, succeeded, known));
  const nameRows = read('state_names.csv', NAMES_COLUMNS);
  const states = nameRows === null ? noticed : take(applyFormerNames(nameRows, noticed, known));

  const article5Rows = read('article5.csv', ARTICLE5_COLUMNS);
  const article5Stated = article5Rows === null ? new Map() : take(article5FromRows(article5Rows, states, known));

  // The Article 5 events: decisions with their meetings' days, declarations, re-openings (issue 14).
  const meetingRows = read('meetings.csv', MEETINGS_COLUMNS);
  const meetings = meetingRows === null ? new Map<string, Meeting>() : take(meetingsFromRows(meetingRows, known));
  const decisionRows = read('article5_decisions.csv', DECISIONS_COLUMNS);
  const decisions = decisionRows === null ? [] : take(decisionsFromRows(decisionRows, meetings, known));
  const completionRows = read('article5_completions.csv', COMPLETIONS_COLUMNS);
  const declarations = completionRows === null ? [] : take(completionsFromRows(completionRows, known));
  const reopenedRows = read('article5_reopened.csv', REOPENED_COLUMNS);
  const reopenings = reopenedRows === null ? [] : take(reopenedFromRows(reopenedRows, meetings, known));
  const eifOf = entryIntoForceByState(states);
  const article5 = take(
    mergeArticle5(article5Stated, { decisions, declarations, reopenings }, (iso3) => {
      const eif = eifOf.get(iso3);
      return eif === undefined ? null : article5OriginalDeadline(eif);
    }),
  );

  if (problems.length > 0) throw new DataError(problems);
  // Article 4 comes from the stockpile ledger, the one table of its completions; its checks
  // need the engine (no entry dated when the State was not a State Party).
  const engine = new TreatyEngine({ states, article4: new Map(), article5 });
  const ledgers = loadLedgers(sources, engine, dir);
  return { facts: withArticle4(engine, ledgers), sources, meetings, ledgers };
}
