import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { frameworkOn, globalFrameworks, planState } from './frameworks.js';
import type { FrameworkReport } from './model.js';

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
  it('no plan: none; open-ended plan: in force', () => {
    expect(planState(null, d('2020-01-01'))).toBe('none');
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
    expect(frameworkOn(reports, 'KHM', d('2020-11-01'))).toMatchObject({ plan: null, survivorParticipation: false });
  });
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
