/**
 * Article 5.3-5.6 extension requests and decisions. A request asks for a new deadline at most
 * ten years after the current one (Art. 5.3) and states the remaining area and a yearly work plan
 * (Art. 5.4); the analysis compares what it states with what the records compute.
 */
import type { FieldProblem } from '../../core/problem.js';
import { type CalendarDate, addYears, dateProblem } from '../../core/date.js';
import { MAX_EXTENSION_YEARS } from '../../treaty/article5.js';
import { m2Text as m2, roundM2, yearOf } from '../calendar.js';
import type { ExtensionDecisionOutcome, ExtensionRequest } from '../model.js';

export interface ExtensionRequestCheck {
  problems: FieldProblem[];
  /** Facts an analyst should see; they do not make the request invalid. */
  notes: string[];
  /** Current deadline + 10 years (a 29 February becomes 28 February in a common year). */
  latestAllowedDeadline: CalendarDate;
  remaining: { statedM2: number; computedM2: number; differenceM2: number };
  plannedTotalM2: number;
}

/** Art. 5.3: the latest deadline one extension can set. */
export function latestAllowedDeadline(currentDeadline: CalendarDate): CalendarDate {
  return addYears(currentDeadline, MAX_EXTENSION_YEARS);
}

function deadlineProblems(field: string, requested: CalendarDate, current: CalendarDate): FieldProblem[] {
  if (requested <= current) return [{ field, expected: `a date after the current deadline (${current})` }];
  const latest = latestAllowedDeadline(current);
  if (requested > latest)
    return [
      {
        field,
        expected: `a date no later than ${latest}: an extension is for at most ${MAX_EXTENSION_YEARS} years (Art. 5.3)`,
      },
    ];
  return [];
}

/**
 * Checks a request against the deadline in force and the remaining area the records give on
 * its submission date (land-release.ts, as of `request.submitted`).
 */
export function checkExtensionRequest(
  request: ExtensionRequest,
  currentDeadline: CalendarDate,
  computedRemainingM2: number,
): ExtensionRequestCheck {
  const problems = deadlineProblems('requestedDeadline', request.requestedDeadline, currentDeadline);
  // The period runs from the current deadline to the requested one; a plan year touching it counts.
  const first = yearOf(currentDeadline);
  const last = yearOf(request.requestedDeadline);
  const seen = new Set<number>();
  for (const [index, { year }] of request.workPlan.entries()) {
    const field = `workPlan[${index}].year`;
    if (seen.has(year)) problems.push({ field, expected: `each year once (${year} is planned twice)` });
    else if (year < first || year > last)
      problems.push({ field, expected: `a year inside the extension period, ${first} to ${last}` });
    seen.add(year);
  }
  const notes: string[] = [];
  if (request.submitted > currentDeadline)
    notes.push(`submitted on ${request.submitted}, after the deadline of ${currentDeadline}`);
  const plannedTotalM2 = request.workPlan.reduce((sum, y) => sum + y.plannedReleaseM2, 0);
  const differenceM2 = request.remainingAreaM2 - computedRemainingM2;
  if (Math.abs(differenceM2) >= 1)
    notes.push(
      `states ${m2(request.remainingAreaM2)} remaining; the records give ${m2(computedRemainingM2)} on ${request.submitted}`,
    );
  if (plannedTotalM2 < request.remainingAreaM2)
    notes.push(
      `the work plan releases ${m2(plannedTotalM2)} of the ${m2(request.remainingAreaM2)} it states remaining`,
    );
  return {
    problems,
    notes,
    latestAllowedDeadline: latestAllowedDeadline(currentDeadline),
    remaining: {
      statedM2: roundM2(request.remainingAreaM2),
      computedM2: roundM2(computedRemainingM2),
      differenceM2: roundM2(differenceM2),
    },
    plannedTotalM2: roundM2(plannedTotalM2),
  };
}

/** A decision on a request: granted ones set a deadline within Art. 5.3; refused ones set none. */
export function checkExtensionDecision(
  decision: ExtensionDecisionOutcome,
  request: ExtensionRequest,
  currentDeadline: CalendarDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (decision.date < request.submitted)
    problems.push({
      field: 'date',
      expected: `a decision on or after the request was submitted (${request.submitted})`,
    });
  if (!decision.granted) {
    if (decision.newDeadline !== null)
      problems.push({ field: 'newDeadline', expected: 'no new deadline: the request was not granted' });
    return problems;
  }
  if (decision.newDeadline === null)
    return [...problems, { field: 'newDeadline', expected: 'the deadline the decision sets (YYYY-MM-DD)' }];
  return [...problems, ...deadlineProblems('newDeadline', decision.newDeadline, currentDeadline)];
}

/** The Article 5 deadline once the decision is taken. */
export function deadlineAfter(currentDeadline: CalendarDate, decision: ExtensionDecisionOutcome): CalendarDate {
  return decision.granted && decision.newDeadline !== null ? decision.newDeadline : currentDeadline;
}

/** Largest amount stored (the columns' check): beyond it a figure is a typing error. */
const MAX_AMOUNT = 1e15;

function amountProblem(field: string, value: number | null): FieldProblem[] {
  if (value === null || (Number.isFinite(value) && value >= 0 && value < MAX_AMOUNT)) return [];
  return [{ field, expected: `a number from 0 to below ${MAX_AMOUNT.toExponential()}` }];
}

export function dateProblems(fields: Record<string, string | null>): FieldProblem[] {
  return Object.entries(fields).flatMap(([field, value]) => {
    const problem = value === null ? null : dateProblem(value);
    return problem === null ? [] : [{ field, expected: problem }];
  });
}

/** What the HTTP schema also refuses (dates, amounts, plan years), checked again for callers that are not HTTP (the CLI, tests). */
export function requestValueProblems(r: ExtensionRequest): FieldProblem[] {
  return [
    ...dateProblems({ submitted: r.submitted, requestedDeadline: r.requestedDeadline }),
    ...amountProblem('remainingAreaM2', r.remainingAreaM2),
    ...amountProblem('budgetUsd', r.budgetUsd),
    ...r.workPlan.flatMap((y, index) => [
      ...(Number.isInteger(y.year) && y.year >= 1 && y.year <= 9999
        ? []
        : [{ field: `workPlan[${index}].year`, expected: 'a calendar year (YYYY)' }]),
      ...amountProblem(`workPlan[${index}].plannedReleaseM2`, y.plannedReleaseM2),
    ]),
  ];
}
