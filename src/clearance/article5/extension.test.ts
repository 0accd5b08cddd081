import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../../core/date.js';
import {
  checkExtensionDecision,
  checkExtensionRequest,
  dateProblems,
  deadlineAfter,
  latestAllowedDeadline,
  requestValueProblems,
} from './extension.js';
import type { ExtensionDecisionOutcome, ExtensionRequest } from '../model.js';
import { latestRequest, plannedVsReleased } from './work-plan.js';

const d = (text: string): CalendarDate => parseDate(text);
const current = d('2025-03-01');

function request(extra: Partial<ExtensionRequest> = {}): ExtensionRequest {
  return {
    iso3: 'KHM',
    submitted: d('2024-03-31'),
    requestedDeadline: d('2030-03-01'),
    remainingAreaM2: 1_000_000,
    budgetUsd: 50_000_000,
    workPlan: [2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ year, plannedReleaseM2: 200_000 })),
    ...extra,
  };
}

describe('extension request', () => {
  it('accepts exactly ten years after the current deadline (Art. 5.3)', () => {
    const check = checkExtensionRequest(request({ requestedDeadline: d('2035-03-01') }), current, 1_000_000);
    expect(check.problems).toEqual([]);
    expect(check.latestAllowedDeadline).toBe('2035-03-01');
  });

  it('rejects ten years and one day', () => {
    expect(checkExtensionRequest(request({ requestedDeadline: d('2035-03-02') }), current, 1_000_000).problems).toEqual(
      [
        {
          field: 'requestedDeadline',
          expected: 'a date no later than 2035-03-01: an extension is for at most 10 years (Art. 5.3)',
        },
      ],
    );
  });

  it('counts ten years from a 29 February to 28 February', () => {
    const leap = d('2020-02-29');
    expect(latestAllowedDeadline(leap)).toBe('2030-02-28');
    expect(
      checkExtensionRequest(request({ requestedDeadline: d('2030-02-28'), workPlan: [] }), leap, 1_000_000).problems,
    ).toEqual([]);
    expect(
      checkExtensionRequest(request({ requestedDeadline: d('2030-03-01'), workPlan: [] }), leap, 1_000_000).problems[0]
        ?.expected,
    ).toContain('no later than 2030-02-28');
  });

  it('wants a deadline after the current one', () => {
    for (const requested of ['2025-03-01', '2024-12-31']) {
      expect(
        checkExtensionRequest(request({ requestedDeadline: d(requested), workPlan: [] }), current, 1_000_000).problems,
      ).toEqual([{ field: 'requestedDeadline', expected: 'a date after the current deadline (2025-03-01)' }]);
    }
  });

  it('wants work plan years inside the period, each once', () => {
    const workPlan = [2024, 2025, 2025, 2030, 2031].map((year) => ({ year, plannedReleaseM2: 1 }));
    expect(checkExtensionRequest(request({ workPlan }), current, 1_000_000).problems).toEqual([
      { field: 'workPlan[0].year', expected: 'a year inside the extension period, 2025 to 2030' },
      { field: 'workPlan[2].year', expected: 'each year once (2025 is planned twice)' },
      { field: 'workPlan[4].year', expected: 'a year inside the extension period, 2025 to 2030' },
    ]);
  });

  it('lists the remaining area stated against the one computed, and a plan that falls short', () => {
    const check = checkExtensionRequest(request(), current, 950_000);
    expect(check.remaining).toEqual({ statedM2: 1_000_000, computedM2: 950_000, differenceM2: 50_000 });
    expect(check.plannedTotalM2).toBe(1_200_000);
    expect(check.notes).toEqual(['states 1,000,000 m² remaining; the records give 950,000 m² on 2024-03-31']);
    const short = checkExtensionRequest(
      request({ workPlan: [{ year: 2025, plannedReleaseM2: 400_000 }] }),
      current,
      1_000_000,
    );
    expect(short.notes).toEqual(['the work plan releases 400,000 m² of the 1,000,000 m² it states remaining']);
  });

  it("accepts plan years from the current deadline's year to the requested deadline's", () => {
    const workPlan = [2025, 2030].map((year) => ({ year, plannedReleaseM2: 500_000 }));
    const check = checkExtensionRequest(request({ workPlan }), current, 1_000_000);
    expect(check.problems).toEqual([]);
    // The plan releases exactly what is stated remaining: no note.
    expect(check.notes).toEqual([]);
  });

  it('notes a difference of 1 m² or more between the area stated and the area computed', () => {
    expect(checkExtensionRequest(request(), current, 999_999.5).notes).toEqual([]);
    expect(checkExtensionRequest(request(), current, 1_000_000.5).notes).toEqual([]);
    expect(checkExtensionRequest(request(), current, 999_999).notes).toEqual([
      'states 1,000,000 m² remaining; the records give 999,999 m² on 2024-03-31',
    ]);
    expect(checkExtensionRequest(request(), current, 1_000_001).notes).toHaveLength(1);
  });

  it('does not note a request submitted on the deadline day', () => {
    expect(checkExtensionRequest(request({ submitted: current }), current, 1_000_000).notes).toEqual([]);
  });

  it('notes a request submitted after the deadline', () => {
    expect(checkExtensionRequest(request({ submitted: d('2025-04-01') }), current, 1_000_000).notes).toContain(
      'submitted on 2025-04-01, after the deadline of 2025-03-01',
    );
  });
});

describe('the values of a request, checked again outside HTTP', () => {
  it('accepts a request within every bound', () => {
    expect(requestValueProblems(request())).toEqual([]);
    expect(requestValueProblems(request({ remainingAreaM2: 0, budgetUsd: null }))).toEqual([]);
    expect(
      requestValueProblems(
        request({
          remainingAreaM2: 999_999_999_999_999,
          workPlan: [
            { year: 1, plannedReleaseM2: 0 },
            { year: 9999, plannedReleaseM2: 1 },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('names each value out of bounds', () => {
    const bad = {
      ...request({
        remainingAreaM2: -1,
        budgetUsd: 1e15,
        workPlan: [
          { year: 0, plannedReleaseM2: Number.NaN },
          { year: 10_000, plannedReleaseM2: Number.POSITIVE_INFINITY },
          { year: 2025.5, plannedReleaseM2: 5 },
        ],
      }),
      submitted: '2024-02-30' as CalendarDate,
      requestedDeadline: '2030-3-1' as CalendarDate,
    };
    const amount = 'a number from 0 to below 1e+15';
    expect(requestValueProblems(bad)).toEqual([
      { field: 'submitted', expected: 'a day between 01 and 29 for 2024-02' },
      { field: 'requestedDeadline', expected: 'a date written YYYY-MM-DD (for example 1999-03-01)' },
      { field: 'remainingAreaM2', expected: amount },
      { field: 'budgetUsd', expected: amount },
      { field: 'workPlan[0].year', expected: 'a calendar year (YYYY)' },
      { field: 'workPlan[0].plannedReleaseM2', expected: amount },
      { field: 'workPlan[1].year', expected: 'a calendar year (YYYY)' },
      { field: 'workPlan[1].plannedReleaseM2', expected: amount },
      { field: 'workPlan[2].year', expected: 'a calendar year (YYYY)' },
    ]);
  });

  it('leaves a date that is not given alone', () => {
    expect(dateProblems({ decided: null, submitted: '2024-03-31' })).toEqual([]);
    expect(dateProblems({ decided: '2024-13-01' })).toEqual([
      { field: 'decided', expected: 'a month between 01 and 12' },
    ]);
  });
});

describe('extension decision', () => {
  const granted = (newDeadline: string | null, date = '2024-11-28'): ExtensionDecisionOutcome => ({
    granted: true,
    date: d(date),
    meeting: '5RC',
    newDeadline: newDeadline === null ? null : d(newDeadline),
  });

  it('sets the new deadline when granted', () => {
    expect(checkExtensionDecision(granted('2030-03-01'), request(), current)).toEqual([]);
    expect(deadlineAfter(current, granted('2030-03-01'))).toBe('2030-03-01');
    expect(deadlineAfter(current, { granted: false, date: d('2024-11-28'), meeting: '5RC', newDeadline: null })).toBe(
      current,
    );
  });

  it('accepts a decision taken the day the request was submitted', () => {
    expect(checkExtensionDecision(granted('2030-03-01', '2024-03-31'), request(), current)).toEqual([]);
    expect(checkExtensionDecision(granted('2025-03-01'), request(), current)).toEqual([
      { field: 'newDeadline', expected: 'a date after the current deadline (2025-03-01)' },
    ]);
    expect(
      checkExtensionDecision(
        { granted: false, date: d('2024-01-01'), meeting: '5RC', newDeadline: null },
        request(),
        current,
      ),
    ).toEqual([{ field: 'date', expected: 'a decision on or after the request was submitted (2024-03-31)' }]);
    expect(deadlineAfter(current, granted(null))).toBe(current);
  });

  it('checks the deadline a grant sets, and its date', () => {
    expect(checkExtensionDecision(granted('2035-03-02', '2024-01-01'), request(), current)).toEqual([
      { field: 'date', expected: 'a decision on or after the request was submitted (2024-03-31)' },
      {
        field: 'newDeadline',
        expected: 'a date no later than 2035-03-01: an extension is for at most 10 years (Art. 5.3)',
      },
    ]);
    expect(checkExtensionDecision(granted(null), request(), current)).toEqual([
      { field: 'newDeadline', expected: 'the deadline the decision sets (YYYY-MM-DD)' },
    ]);
    expect(
      checkExtensionDecision(
        { granted: false, date: d('2024-11-28'), meeting: '5RC', newDeadline: d('2030-03-01') },
        request(),
        current,
      ),
    ).toEqual([{ field: 'newDeadline', expected: 'no new deadline: the request was not granted' }]);
  });
});

describe('planned against released', () => {
  it('takes the latest request submitted by the date', () => {
    const older = request({ submitted: d('2019-03-31') });
    const newer = request({ submitted: d('2024-03-31') });
    expect(latestRequest([newer, older], d('2024-03-30'))).toBe(older);
    expect(latestRequest([older, newer], d('2024-03-31'))).toBe(newer);
    expect(latestRequest([newer], d('2020-01-01'))).toBeNull();
  });

  it('of two requests submitted the same day, takes the one recorded last', () => {
    const first = request({ submitted: d('2024-03-31'), remainingAreaM2: 1 });
    const second = request({ submitted: d('2024-03-31'), remainingAreaM2: 2 });
    const older = request({ submitted: d('2019-03-31') });
    expect(latestRequest([first, second, older], d('2024-12-31'))).toBe(second);
    expect(latestRequest([second, first], d('2024-12-31'))).toBe(first);
  });

  it('orders the plan by year, counts a year with nothing released as 0, and a year complete on its 31 December', () => {
    const plan = request({
      workPlan: [
        { year: 2026, plannedReleaseM2: 100.004 },
        { year: 2025, plannedReleaseM2: 200_000 },
      ],
    });
    expect(plannedVsReleased(plan, new Map([[2025, 250_000.126]]), d('2025-12-31'))).toEqual([
      { year: 2025, plannedM2: 200_000, releasedM2: 250_000.13, differenceM2: 50_000.13, complete: true },
      { year: 2026, plannedM2: 100, releasedM2: null, differenceM2: null, complete: false },
    ]);
    expect(plannedVsReleased(plan, new Map(), d('2026-01-01'))).toEqual([
      { year: 2025, plannedM2: 200_000, releasedM2: 0, differenceM2: -200_000, complete: true },
      { year: 2026, plannedM2: 100, releasedM2: 0, differenceM2: -100, complete: false },
    ]);
    expect(plannedVsReleased(plan, new Map(), d('2025-12-30'))[0]?.complete).toBe(false);
  });

  it('compares each plan year with what was released, marking years not complete or not started', () => {
    const released = new Map([
      [2025, 150_000],
      [2026, 90_000],
    ]);
    const rows = plannedVsReleased(request(), released, d('2026-06-30'));
    expect(rows.slice(0, 3)).toEqual([
      { year: 2025, plannedM2: 200_000, releasedM2: 150_000, differenceM2: -50_000, complete: true },
      { year: 2026, plannedM2: 200_000, releasedM2: 90_000, differenceM2: -110_000, complete: false },
      { year: 2027, plannedM2: 200_000, releasedM2: null, differenceM2: null, complete: false },
    ]);
    expect(rows).toHaveLength(6);
  });
});
