import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../../core/date.js';
import { obligationOn } from './completion.js';
import { RELEASE_BY, releaseLinkProblems } from '../consistency.js';
import { activity, hazardArea } from '../test-records.js';

const d = (text: string): CalendarDate => parseDate(text);

describe('declaration of completion', () => {
  const declarations = [{ iso3: 'KHM' as const, date: d('2020-06-01') }];
  const areas = [
    hazardArea('old', '2015-01-01', 100),
    hazardArea('found', '2022-03-01', 100, { previouslyUnknown: true }),
    hazardArea('found-unflagged', '2023-03-01', 100),
  ];

  it('is in progress before any declaration', () => {
    expect(obligationOn(declarations, areas, d('2020-05-31')).state).toBe('in-progress');
  });

  it('is completed from the declaration until an area is found after it', () => {
    expect(obligationOn(declarations, areas, d('2022-02-28'))).toEqual({
      state: 'completed',
      declared: '2020-06-01',
      reopenedBy: [],
      unflagged: [],
    });
  });

  it('re-opens with each previously unknown area, and names those not flagged as such', () => {
    expect(obligationOn(declarations, areas, d('2023-12-31'))).toEqual({
      state: 'reopened',
      declared: '2020-06-01',
      reopenedBy: ['found', 'found-unflagged'],
      unflagged: ['found-unflagged'],
    });
  });

  it('is completed again after a new declaration', () => {
    expect(obligationOn([...declarations, { iso3: 'KHM', date: d('2024-01-15') }], areas, d('2024-02-01')).state).toBe(
      'completed',
    );
  });
});

describe('declaration of completion, on the day of each event', () => {
  const areas = [
    hazardArea('on-the-day', '2020-06-01', 100, { previouslyUnknown: true }),
    hazardArea('next-day', '2020-06-02', 100, { previouslyUnknown: true }),
  ];
  it.each([
    ['2020-05-31', 'in-progress', null, []],
    ['2020-06-01', 'completed', '2020-06-01', []],
    ['2020-06-02', 'reopened', '2020-06-01', ['next-day']],
  ] as const)('on %s: %s (declared %s, re-opened by %j)', (asOf, state, declared, reopenedBy) => {
    const result = obligationOn([{ iso3: 'KHM', date: d('2020-06-01') }], areas, d(asOf));
    expect(result).toEqual({ state, declared, reopenedBy, unflagged: [] });
  });

  it('counts from the latest declaration by the date, in whatever order they are given', () => {
    const declarations = [
      { iso3: 'KHM' as const, date: d('2021-01-01') },
      { iso3: 'KHM' as const, date: d('2019-01-01') },
      { iso3: 'KHM' as const, date: d('2020-01-01') },
    ];
    expect(obligationOn(declarations, areas, d('2020-12-31'))).toMatchObject({
      state: 'reopened',
      declared: '2020-01-01',
      reopenedBy: ['on-the-day', 'next-day'],
    });
    expect(obligationOn(declarations, areas, d('2021-01-01'))).toMatchObject({
      state: 'completed',
      declared: '2021-01-01',
    });
  });
});

describe('release and activity', () => {
  const area = hazardArea('A', '2021-01-01', 1_000);
  const clearance = { ...activity('A', '2021-02-01'), end: d('2021-12-31') };

  it('pairs each release kind with the activity that produces it', () => {
    expect(RELEASE_BY).toEqual({
      cancelled: 'non-technical-survey',
      reduced: 'technical-survey',
      cleared: 'clearance',
    });
    expect(releaseLinkProblems({ hazardAreaId: 'A', kind: 'cleared', date: d('2021-06-01') }, clearance, area)).toEqual(
      [],
    );
  });

  it('names every broken link', () => {
    expect(
      releaseLinkProblems({ hazardAreaId: 'B', kind: 'cancelled', date: d('2022-01-01') }, clearance, area),
    ).toEqual([
      { field: 'activityId', expected: 'an activity on hazard area B (activity act-A is on A)' },
      { field: 'kind', expected: 'land cancelled by a non-technical-survey activity (activity act-A is a clearance)' },
      { field: 'date', expected: 'a date on or before activity act-A ended (2021-12-31)' },
    ]);
    expect(
      releaseLinkProblems({ hazardAreaId: 'A', kind: 'cleared', date: d('2020-12-31') }, clearance, area).map(
        (p) => p.expected,
      ),
    ).toEqual([
      'a date on or after hazard area A was recorded (2021-01-01)',
      'a date on or after activity act-A started (2021-02-01)',
    ]);
  });
});
