import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { STATE_CODES } from '../core/states.js';
import { stateRecord } from '../treaty/test-facts.js';
import type { Article5Record } from '../treaty/model.js';
import { TreatyEngine } from '../treaty/status.js';
import { type ActionPlan, type PlannedAction } from './action-plans.js';
import type { FlowFunding } from './factsheet/context.js';
import {
  type AnnualRateInput,
  PLAN_INDICATOR_IDS,
  article5Indicators,
  article7OnTime,
  findPlan,
  nationalFundingShare,
  planAnswer,
  planIndicators,
  planSlug,
  plansOnDate,
  victimPlansInForce,
} from './plan-indicators.js';

const d = (text: string): CalendarDate => text as CalendarDate;

/** Reports due on 30 April 2024 (covering 2023) and 30 April 2025 (covering 2024). */
const RATES: AnnualRateInput[] = [
  { covers: 2023, due: d('2024-04-30'), required: 4, onTime: 3, shareOnTime: 0.75, sources: ['S2', 'S1'] },
  { covers: 2024, due: d('2025-04-30'), required: 4, onTime: 1, shareOnTime: null, sources: ['S3'] },
];

describe('article7OnTime: the latest 30 April passed by the date', () => {
  it.each([
    // asOf, the year reported on, computable, value, why
    ['2024-04-29', null, false, null, 'no-deadline-passed'],
    ['2024-04-30', null, false, null, 'no-deadline-passed'], // the deadline day is still in time
    ['2024-05-01', '2023', true, 0.75, null],
    ['2025-04-30', '2023', true, 0.75, null],
    ['2025-05-01', '2024', false, null, 'reports-not-all-recorded'],
    ['2025-12-31', '2024', false, null, 'reports-not-all-recorded'],
  ] as const)('on %s: reports on %s', (asOf, period, computable, value, why) => {
    const answer = article7OnTime(RATES, d(asOf));
    expect(answer).toMatchObject({ id: 'article7-on-time', unit: 'share', period, computable, value, why });
  });

  it('gives the counts and the sources of the reports counted, also when the share is not computable', () => {
    expect(article7OnTime(RATES, d('2024-05-01'))).toMatchObject({ of: { count: 3, total: 4 }, sources: ['S1', 'S2'] });
    expect(article7OnTime(RATES, d('2025-05-01'))).toMatchObject({ of: { count: 1, total: 4 }, sources: ['S3'] });
  });

  it('never returns a value it calls not computable, nor a share outside 0..1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            covers: fc.integer({ min: 1999, max: 2030 }),
            required: fc.integer({ min: 1, max: 170 }),
            onTime: fc.integer({ min: 0, max: 170 }),
            recorded: fc.boolean(),
          }),
        ),
        fc.integer({ min: 1999, max: 2032 }),
        (rows, year) => {
          const rates = rows.map((r) => {
            const onTime = Math.min(r.onTime, r.required);
            return {
              covers: r.covers,
              due: d(`${String(r.covers + 1)}-04-30`),
              required: r.required,
              onTime,
              shareOnTime: r.recorded ? onTime / r.required : null,
              sources: [],
            };
          });
          const answer = article7OnTime(rates, d(`${String(year)}-06-01`));
          expect(answer.computable).toBe(answer.value !== null);
          expect(answer.computable).toBe(answer.why === null);
          if (answer.value !== null) expect(answer.value).toBeGreaterThanOrEqual(0);
          if (answer.value !== null) expect(answer.value).toBeLessThanOrEqual(1);
          if (answer.period !== null) expect(Number(answer.period)).toBeLessThan(year);
        },
      ),
    );
  });
});

const article5 = (iso3: Article5Record['iso3'], completed: string | null, sources: string[]): Article5Record => ({
  iso3,
  sources,
  originalDeadlineStated: null,
  extensions: [],
  currentDeadlineStated: null,
  currentDeadlineAsOf: null,
  completed: completed === null ? null : (completed as Article5Record['completed']),
  notes: '',
});

// Forty deposits on 1 June 1998 bring the Convention into force on 1 December 1998. AGO is one
// of them (deadline 1 December 2008) and completed on 15 June 2005; BIH deposits on 1 January
// 2015 (in force 1 July 2015, deadline 1 July 2025) and has not completed; the others have no
// Article 5 obligation.
const ENGINE = new TreatyEngine({
  states: [
    ...STATE_CODES.filter((c) => c !== 'BIH')
      .slice(0, 40)
      .map((code) => stateRecord(code, { deposited: '1998-06-01' })),
    stateRecord('BIH', { deposited: '2015-01-01' }),
  ],
  article4: new Map(),
  article5: new Map([
    ['AGO', article5('AGO', '2005-06-15', ['S10'])],
    ['BIH', article5('BIH', null, ['S11'])],
  ]),
});

describe('article5Indicators: bound, deadline not passed, completed', () => {
  it.each([
    // asOf, bound, open, completed
    ['1998-11-30', 0, 0, 0], // the day before the Convention's entry into force
    ['1998-12-01', 1, 1, 0],
    ['2005-06-14', 1, 1, 0], // the day before AAA completed
    ['2005-06-15', 1, 0, 1],
    ['2015-06-30', 1, 0, 1], // the day before BIH's entry into force
    ['2015-07-01', 2, 1, 1],
    ['2025-07-01', 2, 1, 1], // BIH's deadline day is still in time
    ['2025-07-02', 2, 0, 1],
  ] as const)('on %s: %i bound, %i open, %i completed', (asOf, bound, open, completed) => {
    const [b, o, c] = article5Indicators(ENGINE, d(asOf));
    expect([b?.value, o?.value, c?.value]).toEqual([bound, open, completed]);
    expect(o?.of).toEqual({ count: open, total: bound });
  });

  it('cites the Article 5 records counted', () => {
    expect(article5Indicators(ENGINE, d('2015-07-01'))[0]?.sources).toEqual(['S10', 'S11']);
    expect(article5Indicators(ENGINE, d('2015-06-30'))[0]?.sources).toEqual(['S10']);
  });
});

describe('victimPlansInForce', () => {
  it.each([
    [null, false, null, 'no-victim-data'],
    [[], false, null, 'no-victim-data'],
    [[true, false, false, true], true, 0.5, null],
    [[false, false], true, 0, null],
    [[true, null], false, null, 'victim-plans-not-all-known'],
  ] as const)('%j: computable %s, value %s', (plans, computable, value, why) => {
    const input = plans === null ? null : { states: plans.map((planInForce) => ({ planInForce })), sources: ['V1'] };
    expect(victimPlansInForce(input)).toMatchObject({ computable, value, why });
  });

  it('counts the plans in force even when the share is not computable', () => {
    const input = { states: [{ planInForce: true }, { planInForce: null }, { planInForce: false }], sources: [] };
    expect(victimPlansInForce(input).of).toEqual({ count: 1, total: 3 });
  });
});

describe('nationalFundingShare', () => {
  const funding = (international: number, national: number): FlowFunding => ({
    year: 2023,
    flows: 3,
    international,
    national,
    bySector: [],
    sources: ['F2', 'F1', 'F2'],
  });
  it.each([
    [null, false, null, null, 'no-funding-flows'],
    [funding(300, 0), false, null, '2023', 'no-national-flows'],
    [funding(300, 100), true, 0.25, '2023', null],
    [funding(0, 50), true, 1, '2023', null],
  ] as const)('%j', (input, computable, value, period, why) => {
    expect(nationalFundingShare(input)).toMatchObject({ computable, value, period, why });
  });
  it('cites each source once', () => {
    expect(nationalFundingShare(funding(300, 100)).sources).toEqual(['F1', 'F2']);
  });
});

const PLANS: ActionPlan[] = [
  { name: 'Oslo Action Plan', adopted: d('2019-11-29'), meeting: 'Oslo', period: '2020-2024', sources: ['P6'] },
  { name: 'Maputo Action Plan', adopted: d('2014-06-27'), meeting: 'Maputo', period: '2014-2019', sources: ['P1'] },
  {
    name: 'Siem Reap-Angkor Action Plan',
    adopted: d('2024-11-29'),
    meeting: 'Siem Reap',
    period: '2025-2029',
    sources: ['P14'],
  },
];

const action = (number: string | null, indicators: PlannedAction['indicators'] = []): PlannedAction => ({
  plan: 'Oslo Action Plan',
  section: 'Victim assistance',
  number,
  text: `words ${number ?? 'none'}`,
  extent: 'partial',
  indicators,
  notes: 'missing',
  sources: ['P9'],
});

describe('plans and their answers', () => {
  it('names each plan by a short id and finds it by id or name, in any case', () => {
    expect(PLANS.map((p) => planSlug(p.name))).toEqual(['oslo', 'maputo', 'siem-reap-angkor']);
    expect(findPlan(PLANS, 'Siem-Reap-Angkor')?.name).toBe('Siem Reap-Angkor Action Plan');
    expect(findPlan(PLANS, 'maputo action plan')?.name).toBe('Maputo Action Plan');
    expect(findPlan(PLANS, 'nairobi')).toBeNull();
  });

  it.each([
    ['2014-06-26', null],
    ['2014-06-27', 'maputo'], // the day of adoption
    ['2019-11-28', 'maputo'],
    ['2019-11-29', 'oslo'],
    ['2024-11-28', 'oslo'],
    ['2024-11-29', 'siem-reap-angkor'],
  ] as const)('on %s the plan in force is %s', (asOf, id) => {
    const list = plansOnDate(PLANS, [action('3')], d(asOf));
    expect(list.inForce).toBe(id);
    expect(list.plans.map((p) => p.id)).toEqual(['maputo', 'oslo', 'siem-reap-angkor']);
    expect(list.plans.map((p) => p.actionsHeld)).toEqual([0, 1, 0]);
  });

  it('orders actions by number, those without one last, and marks the plan as in force or not', () => {
    const actions = [action(null), action('12'), action('3', [{ id: 'OAP-3.a', text: 'an indicator' }])];
    const oslo = PLANS[0] as ActionPlan;
    const answer = planAnswer(oslo, PLANS, actions, [], d('2020-01-01'));
    expect(answer.actions.map((a) => a.number)).toEqual(['3', '12', null]);
    expect(answer.inForce).toBe(true);
    expect(answer.actions[0]?.indicators).toEqual([
      {
        id: 'OAP-3.a',
        text: 'an indicator',
        value: null,
        unit: null,
        computable: false,
        source: ['P9'],
        why: 'no-measure',
        of: null,
        period: null,
      },
    ]);
    expect(planAnswer(oslo, PLANS, actions, [], d('2025-01-01')).inForce).toBe(false);
  });

  it('lists every indicator of the catalogue, with a sentence, whatever the date', () => {
    const indicators = planIndicators({
      asOf: d('2025-05-01'),
      engine: ENGINE,
      annual: RATES,
      stockpiles: { completed: 2, sources: ['K1'] },
      victims: null,
      funding: null,
    });
    expect(indicators.map((i) => i.id)).toEqual(PLAN_INDICATOR_IDS);
    const answer = planAnswer(PLANS[2] as ActionPlan, PLANS, [], indicators, d('2025-05-01'));
    expect(answer.indicators.every((i) => i.text.length > 0 && !i.text.includes('common:'))).toBe(true);
    expect(answer.indicators.find((i) => i.id === 'stockpiles-completed')).toMatchObject({
      value: 2,
      unit: 'states',
      source: ['K1'],
    });
    expect(answer.indicators.find((i) => i.id === 'article5-work-plans')).toMatchObject({
      computable: false,
      why: 'no-work-plan-records',
    });
  });
});
