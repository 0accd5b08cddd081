import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvRow, parseCsv, readCsv } from '../core/csv.js';
import { DataError, type DataProblem, describeProblem } from '../core/errors.js';
import { STATE_CODES, type StateCode } from '../core/states.js';
import { ARTICLE5_COLUMNS, STATES_COLUMNS, article5FromRows, statesFromRows } from './reference-rows.js';
import { SOURCES_COLUMNS, sourcesFromRows } from '../sources/reference.js';
import type { StateRecord } from './model.js';
import { DEFAULT_DATA_DIR, loadReference } from './reference.js';

type Fields = Record<string, string>;
const KNOWN = new Set(['S02', 'S13', 'S24']);

function toCsv(columns: readonly string[], rows: readonly Fields[]): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\n') + '\n';
}

const rowsOf = (file: string, columns: readonly string[], rows: readonly Fields[]): CsvRow[] =>
  parseCsv(toCsv(columns, rows), file, columns);
const text = (problems: readonly DataProblem[]): string[] => problems.map(describeProblem);

/**
 * A valid states.csv: every State in STATE_CODES order (so STATE_CODES[i] is on line i + 2); the first
 * 40 deposited on 16 Sep 1998, so the Convention and they are in force on 1 Mar 1999 (Art. 17.1).
 */
function statesRows(change: Partial<Record<StateCode, Fields>> = {}, extra: Fields[] = []): CsvRow[] {
  const rows = STATE_CODES.map((iso3, index): Fields => {
    const party: Fields =
      index < 40 ? { signed: '1997-12-03', ratified_or_acceded: '1998-09-16', instrument: 'ratification' } : {};
    return { iso3, name: `State ${iso3}`, sources: 'S02', ...party, ...change[iso3] };
  });
  return rowsOf('states.csv', STATES_COLUMNS, [...rows, ...extra]);
}

const lineOf = (iso3: StateCode): number => STATE_CODES.indexOf(iso3) + 2;
const validStates = (): StateRecord[] => statesFromRows('states.csv', statesRows(), KNOWN).value;

describe('states.csv', () => {
  it('reads a valid table with no problem', () => {
    const { value, problems } = statesFromRows('states.csv', statesRows(), KNOWN);
    expect(problems).toEqual([]);
    expect(value).toHaveLength(197);
    expect(value[0]).toEqual({
      iso3: 'AFG',
      name: 'State AFG',
      sources: ['S02'],
      entryIntoForceStated: null,
      signature: { date: '1997-12-03', sources: ['S02'] },
      consent: { kind: 'ratification', deposited: '1998-09-16', sources: ['S02'] },
      withdrawal: null,
    });
  });

  it('reads a bad date like this', () => {
    // AND is the fourth State, on line 5; ratified_or_acceded is column 4.
    const { problems } = statesFromRows(
      'states.csv',
      statesRows({ AND: { ratified_or_acceded: '2025-02-29' } }),
      KNOWN,
    );
    expect(text(problems)).toEqual([
      'states.csv, line 5, column 4 (ratified_or_acceded): expected a day between 01 and 28 for 2025-02, found "2025-02-29"',
    ]);
  });

  it.each([
    [
      'a date that is not a date',
      'AGO',
      { signed: '3 Dec 1997' },
      3,
      'signed',
      'a date written YYYY-MM-DD (for example 1999-03-01)',
      '3 Dec 1997',
    ],
    [
      'a partial date where a day is needed',
      'AGO',
      { signed: '1997-12' },
      3,
      'signed',
      'a date written YYYY-MM-DD (for example 1999-03-01)',
      '1997-12',
    ],
    [
      'a month 13',
      'AGO',
      { ratified_or_acceded: '1998-13-01' },
      4,
      'ratified_or_acceded',
      'a month between 01 and 12',
      '1998-13-01',
    ],
    [
      'a bad stated entry into force',
      'AGO',
      { entry_into_force: '1999-02-30' },
      5,
      'entry_into_force',
      'a day between 01 and 28 for 1999-02',
      '1999-02-30',
    ],
    [
      'a signature before the Convention opened',
      'AGO',
      { signed: '1997-12-02' },
      3,
      'signed',
      'a date on or after 1997-12-03 (the Convention opened for signature on 3 Dec 1997, Art. 15)',
      '1997-12-02',
    ],
    [
      'a signature after it closed',
      'AGO',
      { signed: '1999-03-02' },
      3,
      'signed',
      'a date on or before 1999-03-01 (open for signature until entry into force, Art. 15)',
      '1999-03-02',
    ],
    [
      'a deposit before the Convention opened',
      'AGO',
      { ratified_or_acceded: '1997-11-30' },
      4,
      'ratified_or_acceded',
      'a date on or after 1997-12-03 (the Convention opened for signature on 3 Dec 1997, Art. 15)',
      '1997-11-30',
    ],
    [
      'a deposit without instrument',
      'AGO',
      { instrument: '' },
      9,
      'instrument',
      'one of ratification, acceptance, approval, accession, succession (ratified_or_acceded is set)',
      '',
    ],
    [
      'an unknown instrument',
      'AGO',
      { instrument: 'Ratification' },
      9,
      'instrument',
      'one of ratification, acceptance, approval, accession, succession (ratified_or_acceded is set)',
      'Ratification',
    ],
    [
      'an instrument without deposit',
      'USA',
      { instrument: 'accession' },
      9,
      'instrument',
      'empty (no instrument of consent was deposited: ratified_or_acceded is empty)',
      'accession',
    ],
    [
      'a withdrawal before consent',
      'AGO',
      { withdrawal_notified: '1998-09-15' },
      6,
      'withdrawal_notified',
      'a date on or after 1998-09-16 (not before the deposit of consent, 1998-09-16)',
      '1998-09-15',
    ],
    [
      'a withdrawal effective before consent',
      'AGO',
      { withdrawal_effective: '1998-01-01' },
      7,
      'withdrawal_effective',
      'a date on or after 1998-09-16 (not before the deposit of consent, 1998-09-16)',
      '1998-01-01',
    ],
    [
      'a withdrawal announced before consent',
      'AGO',
      { withdrawal_announced: '1998-06-01' },
      12,
      'withdrawal_announced',
      'a date on or after 1998-09-16 (not before the deposit of consent, 1998-09-16)',
      '1998-06-01',
    ],
    [
      'a withdrawal effective before notified',
      'AGO',
      { withdrawal_notified: '2025-06-27', withdrawal_effective: '2025-06-01' },
      7,
      'withdrawal_effective',
      'a date on or after 2025-06-27 (not before withdrawal_notified)',
      '2025-06-01',
    ],
    [
      'a withdrawal by a State that never consented',
      'USA',
      { withdrawal_announced: '2025-06-29' },
      12,
      'withdrawal_announced',
      'empty (a State withdraws only after depositing its consent)',
      '2025-06-29',
    ],
    [
      'an unknown withdrawal condition',
      'AGO',
      { withdrawal_notified: '2025-06-27', withdrawal_condition: 'war' },
      11,
      'withdrawal_condition',
      '"armed-conflict" or empty',
      'war',
    ],
    ['an unknown source', 'AGO', { sources: 'S02;S999' }, 10, 'sources', 'a source id listed in sources.csv', 'S999'],
    [
      'a malformed source id',
      'AGO',
      { sources: 'S02; S13' },
      10,
      'sources',
      'source ids separated by ";" (for example S02;S17)',
      ' S13',
    ],
    ['no source', 'AGO', { sources: '' }, 10, 'sources', 'at least one source id (for example S02;S17)', ''],
    ['no name', 'AGO', { name: '' }, 2, 'name', 'the name of the State', ''],
  ] as const)('refuses %s', (_, iso3, fields, column, field, expected, found) => {
    const { value, problems } = statesFromRows('states.csv', statesRows({ [iso3]: fields }), KNOWN);
    expect(problems).toEqual([{ file: 'states.csv', line: lineOf(iso3), column, field, expected, found }]);
    expect(value.some((s) => s.iso3 === iso3)).toBe(false);
  });

  it('refuses an unknown State code, and then misses the State it replaced', () => {
    const rows = statesRows({ AGO: { iso3: 'XXX' } });
    expect(text(statesFromRows('states.csv', rows, KNOWN).problems)).toEqual([
      'states.csv, line 3, column 1 (iso3): expected the ISO 3166-1 alpha-3 code of one of the 197 States (for example KHM), found "XXX"',
      'states.csv, line 1, column 1 (iso3): expected a row for each of the 197 States; missing: AGO, found "196 States"',
    ]);
  });

  it('refuses a State listed twice, naming the first line', () => {
    const rows = statesRows({}, [{ iso3: 'KHM', name: 'Cambodia', sources: 'S02' }]);
    expect(text(statesFromRows('states.csv', rows, KNOWN).problems)).toEqual([
      `states.csv, line 199, column 1 (iso3): expected a State not listed before (KHM is already on line ${lineOf('KHM')}), found "KHM"`,
    ]);
  });

  it('needs all 197 States', () => {
    const rows = statesRows().filter((r) => !['NIU', 'COK'].includes(r.get('iso3')));
    expect(text(statesFromRows('states.csv', rows, KNOWN).problems)).toEqual([
      'states.csv, line 1, column 1 (iso3): expected a row for each of the 197 States; missing: COK, NIU, found "195 States"',
    ]);
  });

  it('reads a withdrawal: notified, stated effective, announced and armed conflict', () => {
    const rows = statesRows({
      AGO: { withdrawal_notified: '2025-06-27', withdrawal_effective: '2025-12-27' },
      AFG: { withdrawal_announced: '2025-06-29', withdrawal_condition: 'armed-conflict', sources: 'S02;S24' },
    });
    const { value, problems } = statesFromRows('states.csv', rows, KNOWN);
    expect(problems).toEqual([]);
    const withdrawal = (iso3: StateCode): StateRecord['withdrawal'] | undefined =>
      value.find((s) => s.iso3 === iso3)?.withdrawal;
    expect(withdrawal('AGO')).toEqual({
      deposited: '2025-06-27',
      effectiveStated: '2025-12-27',
      announced: null,
      armedConflict: null,
      sources: ['S02'],
    });
    expect(withdrawal('AFG')).toEqual({
      deposited: null,
      effectiveStated: null,
      announced: '2025-06-29',
      armedConflict: { ended: null },
      sources: ['S02', 'S24'],
    });
  });

  it('skips source checks when no source list could be read', () => {
    expect(statesFromRows('states.csv', statesRows({ AGO: { sources: 'S999' } }), null).problems).toEqual([]);
  });

  it('collects every problem of every row', () => {
    const rows = statesRows({ AGO: { signed: '1997-02-30', sources: 'X' }, AND: { instrument: 'treaty' } });
    expect(statesFromRows('states.csv', rows, KNOWN).problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'signed'],
      [3, 'sources'],
      [5, 'instrument'],
    ]);
  });
});

describe('article5.csv', () => {
  // AFG is among the first 40 in statesRows(): in force 1 Mar 1999, original deadline 1 Mar 2009.
  const read = (fields: Fields, states: StateRecord[] = validStates()) =>
    article5FromRows(
      rowsOf('article5.csv', ARTICLE5_COLUMNS, [{ iso3: 'AFG', sources: 'S02', ...fields }]),
      states,
      KNOWN,
    );

  it('reads extensions, with ? for what the sources leave unknown', () => {
    const { value, problems } = read({
      extensions: '?:2012-01-01;2013:?;2015:2020',
      current_deadline: '2020',
      current_deadline_as_of: '2016-11',
      completed_year: '2021',
    });
    expect(problems).toEqual([]);
    expect(value.get('AFG')).toEqual({
      iso3: 'AFG',
      originalDeadlineStated: null,
      extensions: [
        { granted: null, deadline: '2012-01-01' },
        { granted: '2013', deadline: null },
        { granted: '2015', deadline: '2020' },
      ],
      currentDeadlineStated: '2020',
      currentDeadlineAsOf: '2016-11',
      completed: '2021',
      notes: '',
      sources: ['S02'],
    });
  });

  it.each([
    ['a token without colon', '2012-2023-03-01', '2012-2023-03-01'],
    ['a two-digit year', '12:2023-03-01', '12:2023-03-01'],
    ['a grant given as a full date', '2012-11-30:2023-03-01', '2012-11-30:2023-03-01'],
    ['an impossible new deadline', '2012:2020-02-30', '2012:2020-02-30'],
    ['a missing new deadline', '2012:', '2012:'],
    ['an empty token', '2010:2012-01-01;', ''],
    ['spaces', '2010:2012-01-01; 2012:2015-01-01', ' 2012:2015-01-01'],
  ])('refuses %s, naming the token', (_, extensions, token) => {
    const { value, problems } = read({ extensions });
    expect(problems).toEqual([
      {
        file: 'article5.csv',
        line: 2,
        column: 3,
        field: 'extensions',
        expected:
          'extensions written GRANTED:DEADLINE separated by ";" (GRANTED a year YYYY or ?, DEADLINE a date YYYY-MM-DD, YYYY-MM, YYYY or ?)',
        found: token,
      },
    ]);
    expect(value.size).toBe(0);
  });

  it.each([
    [
      'a deadline earlier than the original one',
      '2008:2008-01-01',
      '2008:2008-01-01',
      'a new deadline later than the one it replaces (2009-03-01); original deadline 2009-03-01 = entry into force 1999-03-01 + 10 years',
    ],
    [
      'an extension of more than ten years',
      '2008:2019-03-02',
      '2008:2019-03-02',
      'an extension of at most 10 years after 2009-03-01 (Art. 5.3); original deadline 2009-03-01 = entry into force 1999-03-01 + 10 years',
    ],
    [
      'a deadline earlier than the extension it replaces',
      '2008:2012-01-01;2011:2011-06-01',
      '2011:2011-06-01',
      'a new deadline later than the one it replaces (2012-01-01)',
    ],
    [
      'grants out of order',
      '2010:2012-01-01;2008:2014-01-01',
      '2008:2014-01-01',
      'a decision granted no earlier than the previous one (2010)',
    ],
  ])('checks the chain against the computed original deadline: %s', (_, extensions, token, expected) => {
    expect(read({ extensions }).problems).toEqual([
      { file: 'article5.csv', line: 2, column: 3, field: 'extensions', expected, found: token },
    ]);
  });

  it.each([
    [
      'a partial original deadline',
      { original_deadline: '2013' },
      2,
      'original_deadline',
      'a date written YYYY-MM-DD (for example 1999-03-01)',
      '2013',
    ],
    [
      'a bad current deadline',
      { current_deadline: '2025-12-32' },
      4,
      'current_deadline',
      'a day between 01 and 31 for 2025-12',
      '2025-12-32',
    ],
    [
      'a bad as-of date',
      { current_deadline_as_of: 'Nov 2024' },
      5,
      'current_deadline_as_of',
      'a date written YYYY-MM-DD, YYYY-MM or YYYY',
      'Nov 2024',
    ],
    [
      'a bad completion',
      { completed_year: '20xx' },
      6,
      'completed_year',
      'a date written YYYY-MM-DD, YYYY-MM or YYYY',
      '20xx',
    ],
    ['an unknown source', { sources: 'S52;S1' }, 8, 'sources', 'a source id listed in sources.csv', 'S52'],
    [
      'a State that never consented',
      { iso3: 'USA' },
      1,
      'iso3',
      'a State that deposited its consent (ratified_or_acceded in states.csv)',
      'USA',
    ],
  ] as const)('refuses %s', (_, fields, column, field, expected, found) => {
    const { problems } = read(fields);
    expect(problems[0]).toEqual({ file: 'article5.csv', line: 2, column, field, expected, found });
  });

  it('does not guess a chain for a State whose states.csv row is not valid', () => {
    expect(
      read(
        { extensions: '2008:2008-01-01' },
        validStates().filter((s) => s.iso3 !== 'AFG'),
      ).problems,
    ).toEqual([]);
  });
});

describe('sources.csv', () => {
  const read = (rows: Fields[]) => sourcesFromRows(rowsOf('sources.csv', SOURCES_COLUMNS, rows));

  it('reads a source', () => {
    const { value, problems } = read([
      { id: 'S53b', title: 'Landmine Monitor 2014', url: 'http://the-monitor.org/x', published: '2014-12' },
    ]);
    expect(problems).toEqual([]);
    expect(value.get('S53b')).toEqual({
      id: 'S53b',
      title: 'Landmine Monitor 2014',
      url: 'http://the-monitor.org/x',
      published: '2014-12',
    });
  });

  it.each([
    ['a malformed id', { id: 's01' }, 1, 'id', 'a source id such as S02 or S53b', 's01'],
    ['no title', { title: ' ' }, 2, 'title', 'the title or description of the source', ' '],
    [
      'an address that is not http(s)',
      { url: 'old.apminebanconvention.org/x' },
      3,
      'url',
      'an http(s) address or nothing',
      'old.apminebanconvention.org/x',
    ],
    [
      'two dates',
      { published: '2018-01-02/03' },
      4,
      'published',
      'a date written YYYY-MM-DD, YYYY-MM or YYYY',
      '2018-01-02/03',
    ],
  ] as const)('refuses %s', (_, fields, column, field, expected, found) => {
    const { problems } = read([{ id: 'S01', title: 't', ...fields }]);
    expect(problems).toEqual([{ file: 'sources.csv', line: 2, column, field, expected, found }]);
  });

  it('refuses an id listed twice', () => {
    expect(
      text(
        read([
          { id: 'S01', title: 'a' },
          { id: 'S01', title: 'b' },
        ]).problems,
      ),
    ).toEqual([
      'sources.csv, line 3, column 1 (id): expected a source id not listed before (S01 is already on line 2), found "S01"',
    ]);
  });

  it('is up to date with data/SOURCES*.md (scripts/build-sources.ts)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-sources-'));
    try {
      for (const file of readdirSync(DEFAULT_DATA_DIR).filter((f) => /^SOURCES.*\.md$/.test(f))) {
        copyFileSync(join(DEFAULT_DATA_DIR, file), join(dir, file));
      }
      const script = join(DEFAULT_DATA_DIR, '..', 'scripts', 'build-sources.ts');
      execFileSync(process.execPath, ['--import', 'tsx', script, dir], {
        stdio: 'pipe',
        cwd: join(DEFAULT_DATA_DIR, '..'),
      });
      expect(readFileSync(join(dir, 'sources.csv'), 'utf8')).toBe(
        readFileSync(join(DEFAULT_DATA_DIR, 'sources.csv'), 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadReference', () => {
  it('loads data/: 197 States, 166 with consent, and every source', () => {
    const { facts, sources } = loadReference();
    expect(facts.states).toHaveLength(197);
    expect(facts.states.filter((s) => s.consent !== null)).toHaveLength(166);
    expect(sources.get('S00')).toMatchObject({ url: null, published: '2018-03' });
    expect(sources.get('S08')?.published).toBe('2018-01-02');
    expect(facts.states.find((s) => s.iso3 === 'EST')?.withdrawal).toMatchObject({
      deposited: '2025-06-27',
      effectiveStated: '2025-12-27',
    });
    // A notified "suspension" is no Article 20 withdrawal (issue 14): a notice of its own.
    const ukraine = facts.states.find((s) => s.iso3 === 'UKR');
    expect(ukraine?.withdrawal).toBeNull();
    expect(ukraine?.notices).toMatchObject([{ kind: 'suspension', date: '2025-07-15', notified: null }]);
    expect(facts.states.find((s) => s.iso3 === 'SSD')?.consent).toMatchObject({
      kind: 'succession',
      deposited: '2011-11-11',
      effective: '2011-07-09',
    });
    // Article 4 from the stockpile ledger (stockpile_ledger.csv): Bulgaria completed in December 2000.
    expect(facts.article4.get('BGR')).toMatchObject({ completed: '2000-12', afterDeadline: 'met', sources: ['S330'] });
    expect(facts.article5.get('KHM')?.extensions).toHaveLength(3);
  });

  it('finds data/ from its own location, not from the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(loadReference().facts.states).toHaveLength(197);
    } finally {
      process.chdir(cwd);
    }
  });

  it('every source id in any data/*.csv is listed in sources.csv', () => {
    const known = new Set(readCsv(join(DEFAULT_DATA_DIR, 'sources.csv')).map((r) => r.get('id')));
    const unknown = readdirSync(DEFAULT_DATA_DIR)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => readCsv(join(DEFAULT_DATA_DIR, f)).filter((r) => r.has('sources')))
      .flatMap((r) =>
        r
          .get('sources')
          .split(';')
          .filter((id) => id !== '' && !known.has(id))
          .map((id) => `${r.file}:${r.line} ${id}`),
      );
    expect(unknown).toEqual([]);
  });

  describe('with broken files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-data-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const edit = (file: string, from: string, to: string): void => {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    };
    edit('states.csv', 'AND,Andorra,1997-12-03,1998-06-29', 'AND,Andorra,1997-12-03,1998-02-29');
    edit('article5.csv', 'AFG,2013-03-01,2012:2023-03-01;', 'AFG,2013-03-01,2012-2023-03-01;');
    edit('sources.csv', 'S24,', 'S24x,');

    it('collects every problem of every file into one DataError', () => {
      let caught: unknown;
      try {
        loadReference(dir);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataError);
      const messages = (caught as DataError).problems.map(describeProblem);
      expect(messages).toHaveLength(4);
      expect(messages).toEqual(
        expect.arrayContaining([
          'states.csv, line 5, column 4 (ratified_or_acceded): expected a day between 01 and 28 for 1998-02, found "1998-02-29"',
          expect.stringMatching(
            /^article5\.csv, line 2, column 3 \(extensions\): expected extensions written .*, found "2012-2023-03-01"$/,
          ),
          'states.csv, line 185, column 10 (sources): expected a source id listed in sources.csv, found "S24"',
          'treaty_notices.csv, line 2, column 7 (sources): expected a source id listed in sources.csv, found "S24"',
        ]),
      );
    });

    it('names a missing file', () => {
      const empty = mkdtempSync(join(tmpdir(), 'minefree-empty-'));
      try {
        const problems = (() => {
          try {
            loadReference(empty);
          } catch (error) {
            if (error instanceof DataError) return error.problems;
          }
          return [];
        })();
        expect(problems.map((p) => p.file)).toEqual([
          'sources.csv',
          'states.csv',
          'successions.csv',
          'treaty_notices.csv',
          'state_names.csv',
          'article5.csv',
          'meetings.csv',
          'article5_decisions.csv',
          'article5_completions.csv',
          'article5_reopened.csv',
        ]);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  it('reads Article 4 from stockpile_ledger.csv once the treaty files are sound, naming its problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-ledger-'));
    try {
      cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
      const path = join(dir, 'stockpile_ledger.csv');
      writeFileSync(path, readFileSync(path, 'utf8').replace('BGR,completed,2000-12,', 'BGR,completed,2000-13,'));
      expect(() => loadReference(dir)).toThrow(DataError);
      try {
        loadReference(dir);
      } catch (error) {
        expect((error as DataError).problems.map((p) => [p.file, p.field])).toEqual([['stockpile_ledger.csv', 'date']]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
