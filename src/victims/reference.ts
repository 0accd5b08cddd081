/**
 * The victim assistance frameworks shipped in data/ (victim_assistance_frameworks.csv), read and
 * checked (every problem at once, with file, line and field).
 */
import { join } from 'node:path';
import type { CsvRow } from '../core/csv.js';
import { readCsv } from '../core/csv.js';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { DataError, type DataProblem } from '../core/errors.js';
import { FieldReader } from '../core/field-reader.js';
import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import {
  type FrameworkReport,
  MECHANISM_TYPES,
  type MechanismType,
  NO_MECHANISM,
  NO_PLAN,
  NONE,
  SERVICE_KINDS,
  type ServiceKind,
} from './model.js';

export const FRAMEWORKS_FILE = 'victim_assistance_frameworks.csv';

/** Service columns: `services_<kind>` with the reachability notes a source gives. */
const serviceColumn = (kind: ServiceKind): string => `services_${kind.replaceAll('-', '_')}`;

export const FRAMEWORK_COLUMNS = [
  'iso3',
  'reported',
  'significant',
  'mechanism_type',
  'mechanism_since',
  'plan_title',
  'plan_from',
  'plan_to',
  'survivor_participation',
  ...SERVICE_KINDS.map(serviceColumn),
  'sources',
  'notes',
] as const;

export function frameworksFromRows(
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
): { reports: FrameworkReport[]; problems: DataProblem[] } {
  const reports: FrameworkReport[] = [];
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const r = new FieldReader(row);
    const iso3 = r.state();
    const reported = r.date('reported');
    if (reported === null && r.text('reported') === '')
      r.report('reported', 'the day the source was published, YYYY-MM-DD');
    const key = `${r.text('iso3')} ${r.text('reported')}`;
    const first = seen.get(key);
    if (first !== undefined) r.report('reported', `one row per State and day (line ${first} has this one)`);
    else seen.set(key, row.line);
    const significant = r.yesNo('significant');
    const type = r.text('mechanism_type');
    const since = r.partialDate('mechanism_since');
    let mechanism: FrameworkReport['mechanism'] = null;
    if (type === NONE) {
      if (r.text('mechanism_since') !== '') r.report('mechanism_since', `empty when mechanism_type is ${NONE}`);
      mechanism = NO_MECHANISM;
    } else if (type !== '') {
      if (!(MECHANISM_TYPES as readonly string[]).includes(type))
        r.report(
          'mechanism_type',
          `one of ${MECHANISM_TYPES.join(', ')}, ${NONE} (the source says none), or empty (not found)`,
        );
      else mechanism = { type: type as MechanismType, since };
    } else if (r.text('mechanism_since') !== '')
      r.report('mechanism_type', 'the type of the mechanism whose date is given');
    const title = r.text('plan_title');
    const from = r.partialDate('plan_from');
    const to = r.partialDate('plan_to');
    if (title === '' && (r.text('plan_from') !== '' || r.text('plan_to') !== ''))
      r.report('plan_title', 'the title of the plan whose dates are given');
    if (title === NONE && (r.text('plan_from') !== '' || r.text('plan_to') !== ''))
      r.report('plan_title', `${NONE} (the source says there was no plan) takes no dates`);
    if (from !== null && to !== null && from.slice(0, 4) > to.slice(0, 4))
      r.report('plan_to', 'a date after plan_from');
    const services: FrameworkReport['services'] = {};
    for (const kind of SERVICE_KINDS) {
      const note = r.text(serviceColumn(kind));
      if (note !== '') services[kind] = note;
    }
    const sources = r.sources(known);
    const survivorParticipation = r.yesNo('survivor_participation');
    problems.push(...r.problems);
    if (r.ok && iso3 !== null && reported !== null)
      reports.push({
        iso3,
        reported,
        significantNumberOfVictims: significant,
        mechanism,
        plan: title === '' ? null : title === NONE ? NO_PLAN : { title, from, to },
        survivorParticipation,
        services,
        sources,
        notes: r.text('notes'),
      });
  }
  return { reports, problems };
}

export function loadFrameworks(
  sources: ReadonlyMap<SourceId, Source>,
  dir: string = DEFAULT_DATA_DIR,
): FrameworkReport[] {
  const rows = readCsv(join(dir, FRAMEWORKS_FILE), FRAMEWORKS_FILE, FRAMEWORK_COLUMNS);
  const { reports, problems } = frameworksFromRows(rows, new Set(sources.keys()));
  if (problems.length > 0) throw new DataError(problems);
  return reports;
}
