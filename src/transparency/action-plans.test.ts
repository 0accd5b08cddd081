import { describe, expect, it } from 'vitest';
import { parseCsv } from '../core/csv.js';
import { describeProblem } from '../core/errors.js';
import { DEFAULT_DATA_DIR } from '../treaty/reference.js';
import {
  ACTION_PLAN_COLUMNS,
  ADOPTED_COLUMNS,
  actionPlansFromRows,
  actionsFromRows,
  parseIndicators,
  pillarOf,
  planInForce,
} from './action-plans.js';
import { loadActionPlans } from './reference.js';
import type { CalendarDate } from '../core/date.js';

type Fields = Record<string, string>;

const csvCell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const rowsOf = (file: string, columns: readonly string[], rows: readonly Fields[]) =>
  parseCsv(
    [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(','))].join('\n'),
    file,
    columns,
  );

const PLANS = actionPlansFromRows(
  rowsOf('action_plans_adopted.csv', ADOPTED_COLUMNS, [
    {
      plan: 'Maputo Action Plan',
      adopted: '2014-06-27',
      meeting: 'Third Review Conference',
      period: '2014-2019',
      sources: 'P1',
    },
    {
      plan: 'Oslo Action Plan',
      adopted: '2019-11-29',
      meeting: 'Fourth Review Conference',
      period: '2020-2024',
      sources: 'P6',
    },
  ]),
).plans;

const VALID: Fields = {
  plan: 'Oslo Action Plan',
  year: '2019',
  section: 'VII. Victim assistance',
  action: '33',
  text: 'Ensure that a relevant government entity is assigned to oversee victim assistance',
  text_extent: 'full',
  indicators: 'OAP-33.a: Percentage of States Parties that have designated a focal point',
  notes: '',
  sources: 'P6;P8',
};
const KNOWN = new Set(['P1', 'P6', 'P8']);
const read = (change: Fields) =>
  actionsFromRows(rowsOf('action-plans.csv', ACTION_PLAN_COLUMNS, [{ ...VALID, ...change }]), PLANS, KNOWN);

describe('action-plans.csv rows', () => {
  it('reads a valid row, its indicators with their ids and its sources', () => {
    const { actions, problems } = read({});
    expect(problems).toEqual([]);
    expect(actions).toEqual([
      {
        plan: 'Oslo Action Plan',
        section: 'VII. Victim assistance',
        number: '33',
        text: VALID.text,
        extent: 'full',
        indicators: [{ id: 'OAP-33.a', text: 'Percentage of States Parties that have designated a focal point' }],
        notes: '',
        sources: ['P6', 'P8'],
      },
    ]);
  });

  it.each([
    ['an unknown plan', { plan: 'Cartagena Action Plan' }, 'plan'],
    ['an unknown text extent', { text_extent: 'paraphrase' }, 'text_extent'],
    ['no words at all', { text: '  ' }, 'text'],
    ['a partial text without notes', { text_extent: 'partial', notes: '' }, 'notes'],
    ['a described text without notes', { text_extent: 'described', notes: '' }, 'notes'],
    ['an indicator without an id', { indicators: 'Percentage of States Parties' }, 'indicators'],
    ['two indicators with one id', { indicators: 'OAP-1.a: One | OAP-1.a: Two' }, 'indicators'],
    ['no source', { sources: '' }, 'sources'],
    ['a source not in sources.csv', { sources: 'P6;P999' }, 'sources'],
    ['a malformed source id', { sources: 'p6' }, 'sources'],
  ])('names the column of %s and drops the row', (_what, change, field) => {
    const { actions, problems } = read(change);
    expect(actions).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems.map(describeProblem)[0]).toContain('action-plans.csv, line 2');
  });

  it('keeps the number empty when no source showed it', () => {
    expect(read({ action: '', text_extent: 'described', notes: 'number not seen' }).actions[0]?.number).toBeNull();
  });
});

describe('parseIndicators', () => {
  it.each([
    ['', []],
    ['SRAAP-4.a: Number of States Parties; by sex', [{ id: 'SRAAP-4.a', text: 'Number of States Parties; by sex' }]],
    [
      'OAP-1: First | OAP-1.b: Second',
      [
        { id: 'OAP-1', text: 'First' },
        { id: 'OAP-1.b', text: 'Second' },
      ],
    ],
    ['OAP-1.a:', null],
    ['OAP-1.a: First |', null],
    ['first: Second', null],
  ])('reads %j', (cell, expected) => {
    expect(parseIndicators(cell)).toEqual(expected);
  });
});

describe('the plans and actions shipped in data/', () => {
  const { plans, actions } = loadActionPlans(DEFAULT_DATA_DIR);

  it('load with every source id known and every row of a known plan', () => {
    expect(plans.map((p) => p.name)).toEqual([
      'Maputo Action Plan',
      'Oslo Action Plan',
      'Siem Reap-Angkor Action Plan',
    ]);
    expect(actions.length).toBeGreaterThan(0);
  });

  it.each([
    ['2014-06-26', null],
    ['2014-06-27', 'Maputo Action Plan'],
    ['2019-11-28', 'Maputo Action Plan'],
    ['2019-11-29', 'Oslo Action Plan'],
    ['2024-11-29', 'Siem Reap-Angkor Action Plan'],
  ])('on %s the plan in force is %s', (date, name) => {
    expect(planInForce(plans, date as CalendarDate)?.name ?? null).toBe(name);
  });

  it('holds the words of MAP Action 15 from "do their utmost" as the ISU quoted them, marked partial', () => {
    const action = actions.find((a) => a.plan === 'Maputo Action Plan' && a.number === '15');
    expect(action?.extent).toBe('partial');
    expect(action?.text.startsWith('do their utmost to strengthen local capacities')).toBe(true);
    expect(pillarOf(action?.section ?? '')).toBe('victims');
  });
});
