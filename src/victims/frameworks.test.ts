import { describe, expect, it } from 'vitest';
import { parseCsv } from '../core/csv.js';
import { parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { frameworkOn, globalFrameworks, planState } from './frameworks.js';
import { type FrameworkReport, NO_MECHANISM, NO_PLAN } from './model.js';
import { FRAMEWORK_COLUMNS, frameworksFromRows } from './reference.js';

const d = parseDate;
const p = parsePartialDate;
const report = (change: Partial<FrameworkReport>): FrameworkReport => ({
  iso3: 'KHM',
  reported: d('2017-12-01'),
  significantNumberOfVictims: true,
  mechanism: { type: 'disability', since: p('2009') },
  plan: { title: 'National Disability Strategic Plan', from: p('2014'), to: p('2018') },
  survivorParticipation: true,
  services: { medical: 'provincial hospitals' },
  sources: ['V1'],
  notes: '',
  ...change,
});

describe('planState', () => {
  const plan = { title: 't', from: p('2014-03'), to: p('2018') };
  it.each([
    ['2014-02-28', 'none'],
    ['2014-03-01', 'in-force'],
    ['2018-12-31', 'in-force'],
    ['2019-01-01', 'expired'],
  ])('on %s: %s', (asOf, state) => {
    expect(planState(plan, d(asOf))).toBe(state);
  });
  it('a source stating no plan: none on every date; open-ended plan: in force', () => {
    expect(planState(NO_PLAN, d('1990-01-01'))).toBe('none');
    expect(planState({ title: null, from: null, to: null }, d('2020-01-01'))).toBe('none');
    expect(planState({ title: 't', from: null, to: null }, d('2020-01-01'))).toBe('in-force');
  });
});

describe('frameworkOn', () => {
  const reports = [
    report({}),
    report({ reported: d('2020-11-01'), plan: null, survivorParticipation: false, sources: ['V2'] }),
    report({ iso3: 'AFG', reported: d('2017-12-01'), mechanism: null, plan: null }),
  ];
  it('nothing published yet: all unknown', () => {
    expect(frameworkOn(reports, 'KHM', d('2017-11-30'))).toMatchObject({
      significantNumberOfVictims: null,
      coordination: null,
      plan: null,
    });
  });
  it('the latest observation published by the date', () => {
    expect(frameworkOn(reports, 'KHM', d('2017-12-01'))).toMatchObject({
      coordination: { type: 'disability', since: '2009' },
      plan: { state: 'in-force' },
      sources: ['V1'],
    });
    // V2 says nothing of the plan: V1's plan stands (expired by then); V2's participation replaces V1's.
    expect(frameworkOn(reports, 'KHM', d('2020-11-01'))).toMatchObject({
      coordination: { type: 'disability', since: '2009' },
      plan: { title: 'National Disability Strategic Plan', state: 'expired' },
      survivorParticipation: false,
      sources: ['V1', 'V2'],
    });
  });
  it.each([
    // as of, significant, coordination, plan state, participation, sources
    ['2017-11-30', null, null, null, null, []],
    ['2017-12-01', true, 'disability', 'in-force', true, ['V1']],
    ['2019-05-31', true, 'disability', 'expired', true, ['V1']],
    ['2019-06-01', false, 'disability', 'expired', true, ['V1', 'V3']],
    ['2021-03-01', false, 'none', 'none', true, ['V1', 'V3', 'V4']],
    ['2022-07-01', false, 'victim-assistance', 'none', true, ['V1', 'V3', 'V4', 'V5']],
  ] as const)(
    'field by field on %s: the latest source stating each',
    (asOf, significant, mechanism, plan, part, sources) => {
      const history = [
        report({}),
        // Silent on everything but significance (a later profile that does not repeat the rest).
        report({
          reported: d('2019-06-01'),
          significantNumberOfVictims: false,
          mechanism: null,
          plan: null,
          survivorParticipation: null,
          services: {},
          sources: ['V3'],
        }),
        // "Coordination mechanisms: None"; "Plan: None"; participation "not reported" (empty): the earlier yes stays.
        report({
          reported: d('2021-03-01'),
          significantNumberOfVictims: null,
          mechanism: NO_MECHANISM,
          plan: NO_PLAN,
          survivorParticipation: null,
          services: {},
          sources: ['V4'],
        }),
        // A mechanism again; nothing said of the plan: the stated none stands.
        report({
          reported: d('2022-07-01'),
          significantNumberOfVictims: null,
          mechanism: { type: 'victim-assistance', since: null },
          plan: null,
          survivorParticipation: null,
          services: {},
          sources: ['V5'],
        }),
      ];
      const f = frameworkOn(history, 'KHM', d(asOf));
      expect(f.significantNumberOfVictims).toBe(significant);
      expect(f.coordination?.type ?? null).toBe(mechanism);
      expect(f.plan?.state ?? null).toBe(plan);
      expect(f.survivorParticipation).toBe(asOf < '2017-12-01' ? null : true);
      expect(f.sources).toEqual(sources);
      void part;
    },
  );
  it('a mechanism set up after the date is not there yet', () => {
    const later = [report({ mechanism: { type: 'victim-assistance', since: p('2018-06') } })];
    expect(frameworkOn(later, 'KHM', d('2018-05-31')).coordination).toBeNull();
    expect(frameworkOn(later, 'KHM', d('2018-06-01')).coordination).not.toBeNull();
  });
  it('says what no source states as not found (null), never as none', () => {
    const silent = [report({ mechanism: null, plan: null, survivorParticipation: null })];
    expect(globalFrameworks(silent, d('2018-01-01')).states).toEqual([
      { iso3: 'KHM', coordination: null, planState: null, survivorParticipation: null },
    ]);
    const found = globalFrameworks([report({})], d('2018-01-01')).states[0];
    expect(found).toMatchObject({ coordination: true, planState: 'in-force' });
  });
  it('global counts on a date', () => {
    expect(globalFrameworks(reports, d('2018-01-01')).counts).toEqual({
      significantNumberOfVictims: 2,
      withCoordinationMechanism: 1,
      withPlanInForce: 1,
      withSurvivorParticipation: 2,
    });
  });
});

describe('a source\'s "None" against an earlier or later mechanism and plan', () => {
  // ERI-like: a mechanism and plan stated, then a report of none, then a mechanism and plan again.
  const reports = [
    report({ iso3: 'ERI', reported: d('2016-11-20'), mechanism: { type: 'victim-assistance', since: null } }),
    report({ iso3: 'ERI', reported: d('2017-07-26'), mechanism: NO_MECHANISM, plan: NO_PLAN }),
    report({
      iso3: 'ERI',
      reported: d('2019-10-01'),
      mechanism: { type: 'disability', since: p('2019') },
      plan: { title: 'National Plan', from: p('2019'), to: p('2023') },
    }),
  ];
  it.each([
    // as of, coordination (global view), plan state (global view), JSON coordination, JSON plan title
    ['2016-11-19', null, null, null, undefined],
    ['2016-11-20', true, 'in-force', { type: 'victim-assistance', since: null }, 'National Disability Strategic Plan'],
    ['2017-07-25', true, 'in-force', { type: 'victim-assistance', since: null }, 'National Disability Strategic Plan'],
    ['2017-07-26', false, 'none', { type: 'none', since: null }, null],
    ['2019-09-30', false, 'none', { type: 'none', since: null }, null],
    ['2019-10-01', true, 'in-force', { type: 'disability', since: '2019' }, 'National Plan'],
    ['2024-01-01', true, 'expired', { type: 'disability', since: '2019' }, 'National Plan'],
  ] as const)('on %s: mechanism %s, plan %s', (asOf, mechanism, plan, coordination, title) => {
    const f = frameworkOn(reports, 'ERI', d(asOf));
    expect(f.coordination).toEqual(coordination);
    expect(f.plan?.title).toEqual(title);
    const states = globalFrameworks(reports, d(asOf)).states;
    expect(states).toEqual(
      mechanism === null && plan === null
        ? []
        : [{ iso3: 'ERI', coordination: mechanism, planState: plan, survivorParticipation: true }],
    );
  });
  it('a stated none is in the JSON: coordination { type: none }, plan with a null title and state none', () => {
    expect(frameworkOn(reports, 'ERI', d('2018-03-01'))).toMatchObject({
      coordination: { type: 'none', since: null },
      plan: { title: null, from: null, to: null, state: 'none' },
    });
  });
  it('a stated none counts as neither a mechanism nor a plan in force', () => {
    expect(globalFrameworks(reports, d('2018-03-01')).counts).toEqual({
      significantNumberOfVictims: 1,
      withCoordinationMechanism: 0,
      withPlanInForce: 0,
      withSurvivorParticipation: 1,
    });
    expect(globalFrameworks(reports, d('2019-10-01')).counts).toMatchObject({
      withCoordinationMechanism: 1,
      withPlanInForce: 1,
    });
  });
});

describe('frameworksFromRows: "none" in mechanism_type and plan_title', () => {
  const row = (change: Record<string, string>): Record<string, string> => ({
    iso3: 'ERI',
    reported: '2017-07-26',
    significant: 'yes',
    mechanism_type: '',
    mechanism_since: '',
    plan_title: '',
    plan_from: '',
    plan_to: '',
    survivor_participation: '',
    services_medical: '',
    services_physical_rehabilitation: '',
    services_psychological_peer_support: '',
    services_socio_economic_inclusion: '',
    services_education: '',
    sources: 'V119',
    notes: '',
    ...change,
  });
  const read = (change: Record<string, string>) => {
    const values = row(change);
    const csv = `${FRAMEWORK_COLUMNS.join(',')}\n${FRAMEWORK_COLUMNS.map((c) => values[c] ?? '').join(',')}\n`;
    return frameworksFromRows(parseCsv(csv, 'frameworks.csv', FRAMEWORK_COLUMNS), new Set(['V119']));
  };
  it.each([
    [{}, null, null],
    [{ mechanism_type: 'none' }, NO_MECHANISM, null],
    [{ plan_title: 'none' }, null, NO_PLAN],
    [{ mechanism_type: 'none', plan_title: 'none' }, NO_MECHANISM, NO_PLAN],
    [
      { mechanism_type: 'disability', mechanism_since: '2017-05', plan_title: 'Plan', plan_to: '2019' },
      { type: 'disability', since: '2017-05' },
      { title: 'Plan', from: null, to: '2019' },
    ],
  ])('%j: mechanism %j, plan %j', (change, mechanism, plan) => {
    const { reports, problems } = read(change);
    expect(problems).toEqual([]);
    expect(reports[0]).toMatchObject({ mechanism, plan });
  });
  it.each([
    [{ mechanism_type: 'none', mechanism_since: '2011' }, 'mechanism_since'],
    [{ plan_title: 'none', plan_from: '2011' }, 'plan_title'],
    [{ plan_title: 'none', plan_to: '2014' }, 'plan_title'],
    [{ mechanism_type: 'None' }, 'mechanism_type'],
    [{ mechanism_type: 'ministry' }, 'mechanism_type'],
  ])('%j is refused at %s', (change, field) => {
    const { reports, problems } = read(change);
    expect(reports).toEqual([]);
    expect(problems.map((x) => x.field)).toContain(field);
  });
});
