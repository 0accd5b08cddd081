// data/article7_reports.csv read and checked: every problem names file, line and column.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../core/csv.js';
import { describeProblem } from '../core/errors.js';
import { loadReference } from '../treaty/reference.js';
import { TreatyEngine } from '../treaty/status.js';
import { readReportRecords } from './reference.js';
import { REPORT_COLUMNS, recordsFromRows } from './reference-rows.js';

const { facts, sources } = loadReference();
const engine = new TreatyEngine(facts);
const context = { entryIntoForce: engine.entryIntoForce.bind(engine) };
const read = (...lines: string[]) =>
  recordsFromRows(
    parseCsv([REPORT_COLUMNS.join(','), ...lines].join('\n'), 'article7_reports.csv', REPORT_COLUMNS),
    new Set(sources.keys()),
    context,
  );

describe('article7_reports.csv', () => {
  it('reads the shipped file with a source for every row', () => {
    const records = readReportRecords(sources, engine);
    expect(records.length).toBeGreaterThan(80);
    for (const r of records) expect(r.sources.length).toBeGreaterThan(0);
    expect(records.find((r) => r.iso3 === 'LKA')).toMatchObject({ report: 'initial', received: '2018-11-29' });
  });

  it('names file, line and column of every problem, all at once', () => {
    const { problems } = read(
      'LKA,initial,2018-11-29,,en,,S39,',
      'LKA,initial,2018-11-30,,,,S39,', // a second submission of the same report
      'LKA,2017,2018-02-01,,,,S39,', // a year before entry into force (1 June 2018)
      'PSE,2018,2019-01-03,2019-01-02,,,S39,', // both facts
      'PSE,annual,2019-01-03,,xx,ftp://x,S39;NOPE1,', // bad period, language, link, source
      'USA,initial,2000-01-01,,,,S39,', // never bound
    );
    expect(problems.map(describeProblem)).toEqual([
      'article7_reports.csv, line 6, column 2 (report): expected "initial" or the calendar year an annual report covers (YYYY), found "annual"',
      'article7_reports.csv, line 6, column 5 (language): expected empty or one of ar, zh, en, fr, ru, es, found "xx"',
      'article7_reports.csv, line 6, column 6 (link): expected empty or an http(s) address, found "ftp://x"',
      'article7_reports.csv, line 6, column 7 (sources): expected a source id listed in sources.csv, found "NOPE1"',
      'article7_reports.csv, line 3, column 2 (report): expected one submission per State and report (LKA initial is already given in record 1), found "initial"',
      'article7_reports.csv, line 4, column 2 (report): expected a year from 2018, when the Convention entered into force for LKA, found "2017"',
      'article7_reports.csv, line 5, column 3 (received): expected either the day the report was received or the day a source says it had not been',
      'article7_reports.csv, line 7, column 1 (iso3): expected a State that has deposited its consent to be bound, found "USA"',
    ]);
  });
});
