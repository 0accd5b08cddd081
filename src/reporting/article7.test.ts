import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { type ReportingParty, annualRate, markOf, reportLines, requiredReports } from './article7.js';
import type { ReportPeriod, ReportRecord } from './model.js';

const d = parseDate;
const party = (eif: string | null, withdrawal: string | null = null): ReportingParty => ({
  entryIntoForce: eif === null ? null : d(eif),
  withdrawalEffective: withdrawal === null ? null : d(withdrawal),
});
const received = (report: ReportPeriod, day: string): ReportRecord => ({
  iso3: 'LKA',
  report,
  received: parsePartialDate(day),
  notReceivedOn: null,
  language: 'en',
  link: null,
  sources: ['S39'],
  notes: '',
});
const absent = (report: ReportPeriod, day: string): ReportRecord => ({
  ...received(report, '2000'),
  received: null,
  notReceivedOn: d(day),
  sources: ['R1'],
});

describe('which reports a State owes on a date', () => {
  it('owes nothing before entry into force, and the initial report from that day', () => {
    expect(requiredReports(party('2018-06-01'), d('2018-05-31'))).toEqual([]);
    expect(requiredReports(party(null), d('2018-05-31'))).toEqual([]);
    expect(requiredReports(party('2018-06-01'), d('2018-06-01'))).toEqual([{ report: 'initial', due: '2018-11-28' }]);
  });

  it('adds the annual update for a year once the year is over, due 30 April', () => {
    const owes = (asOf: string) => requiredReports(party('2018-06-01'), d(asOf)).map((r) => [r.report, r.due]);
    expect(owes('2018-12-31')).toEqual([['initial', '2018-11-28']]);
    expect(owes('2019-01-01')).toEqual([
      ['initial', '2018-11-28'],
      [2018, '2019-04-30'],
    ]);
    expect(owes('2021-01-01').map(([r]) => r)).toEqual(['initial', 2018, 2019, 2020]);
  });

  it('asks no annual update due before the initial report is (entry into force late in the year)', () => {
    // In force 1 December 2017: the initial report is due 30 May 2018, after 30 April 2018.
    const owes = requiredReports(party('2017-12-01'), d('2019-01-01')).map((r) => r.report);
    expect(owes).toEqual(['initial', 2018]);
    // In force 1 June 2017: initial due 28 November 2017, so the update on 2017 is owed on 30 April 2018.
    expect(requiredReports(party('2017-06-01'), d('2018-01-01')).map((r) => r.report)).toEqual(['initial', 2017]);
  });

  it('counts 180 days across a leap February', () => {
    expect(requiredReports(party('2000-01-01'), d('2000-01-01'))).toEqual([{ report: 'initial', due: '2000-06-29' }]);
    expect(requiredReports(party('1999-09-01'), d('1999-09-01'))).toEqual([{ report: 'initial', due: '2000-02-28' }]);
  });

  it('asks nothing due on or after the day a withdrawal takes effect', () => {
    // Withdrawal effective 27 December 2025: the update on 2025 (due 30 April 2026) is not owed.
    const w = party('1999-03-01', '2025-12-27');
    const owes = requiredReports(w, d('2026-06-01')).map((r) => r.report);
    expect(owes).toContain(2024);
    expect(owes).not.toContain(2025);
    // Effective on the deadline day itself: no longer bound that day.
    expect(requiredReports(party('1999-03-01', '2025-04-30'), d('2026-01-01')).map((r) => r.report)).not.toContain(
      2024,
    );
    expect(requiredReports(party('1999-03-01', '2025-05-01'), d('2026-01-01')).map((r) => r.report)).toContain(2024);
  });
});

describe('marks', () => {
  const due = d('2019-04-30');
  it.each<[string | null, string | null, string, string]>([
    ['2019-04-30', null, '2019-06-01', 'on-time'], // the deadline day itself counts
    ['2019-05-01', null, '2019-06-01', 'late'], // the day after is late
    ['2019-01-02', null, '2019-06-01', 'on-time'],
    ['2019-04', null, '2019-06-01', 'on-time'], // April: every day of it is on time
    ['2019-05', null, '2019-06-01', 'late'],
    ['2019', null, '2020-01-01', 'submitted'], // the year straddles the deadline
    [null, null, '2019-04-30', 'due'],
    [null, null, '2019-05-01', 'not-recorded'],
    [null, '2019-06-18', '2019-07-01', 'overdue'],
    [null, '2019-04-30', '2019-07-01', 'not-recorded'], // absent on the deadline day: not yet late
    [null, '2019-03-01', '2019-04-01', 'due'],
  ])('received %s, absent on %s, on %s: %s', (rec, absentOn, asOf, mark) => {
    expect(
      markOf(due, rec === null ? null : parsePartialDate(rec), absentOn === null ? null : d(absentOn), d(asOf)),
    ).toBe(mark);
  });

  it('leap years: 29 February counts as a day', () => {
    // In force 1 September 1999, initial due 28 February 2000; received 29 February 2000 is late.
    const lines = reportLines(party('1999-09-01'), [received('initial', '2000-02-29')], d('2000-03-01'));
    expect(lines[0]).toMatchObject({ due: '2000-02-28', mark: 'late' });
  });
});

describe('a State on a date', () => {
  const sriLanka = party('2018-06-01');
  const records = [received('initial', '2018-11-29'), received(2018, '2019-04-30'), absent(2019, '2020-06-18')];

  it('marks the report only once it is on record on that date', () => {
    const on = (asOf: string) => reportLines(sriLanka, records, d(asOf)).map((l) => [l.report, l.mark]);
    expect(on('2018-11-28')).toEqual([['initial', 'due']]);
    expect(on('2018-11-29')).toEqual([['initial', 'late']]);
    expect(on('2019-04-29')).toEqual([
      ['initial', 'late'],
      [2018, 'due'],
    ]);
    expect(on('2020-06-17')).toEqual([
      ['initial', 'late'],
      [2018, 'on-time'],
      [2019, 'not-recorded'],
    ]);
    expect(on('2020-06-18').at(-1)).toEqual([2019, 'overdue']);
  });

  it('lists a report that was not required, marked so', () => {
    const lines = reportLines(party('2017-12-01'), [received(2017, '2018-03-01')], d('2018-06-01'));
    expect(lines.map((l) => [l.report, l.due, l.mark])).toEqual([
      ['initial', '2018-05-30', 'not-recorded'],
      [2017, null, 'not-required'],
    ]);
  });

  it('keeps sources, language and link of the submission', () => {
    const [line] = reportLines(sriLanka, records, d('2019-01-01'));
    expect(line).toMatchObject({ received: '2018-11-29', language: 'en', link: null, sources: ['S39'] });
  });
});

describe('share of annual reports on time', () => {
  const asOf: CalendarDate = d('2020-01-01');
  const a = reportLines(party('2018-06-01'), [received(2018, '2019-04-30')], asOf);
  const b = reportLines(party('2018-06-01'), [received(2018, '2019-05-02')], asOf);
  const c = reportLines(party('2018-06-01'), [absent(2018, '2019-06-18')], asOf);
  const none = reportLines(party('2018-06-01'), [], asOf);

  it('is the share received by 30 April when every outcome is on record', () => {
    expect(annualRate(2018, [a, b, c])).toMatchObject({
      due: '2019-04-30',
      required: 3,
      onTime: 1,
      late: 1,
      overdue: 1,
      shareOnTime: 1 / 3,
    });
  });

  it('is not given while a report is not recorded', () => {
    expect(annualRate(2018, [a, none])).toMatchObject({ required: 2, notRecorded: 1, shareOnTime: null });
    expect(annualRate(2018, [])).toMatchObject({ required: 0, shareOnTime: null });
  });
});
