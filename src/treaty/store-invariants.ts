/**
 * The rules a treaty write must keep so the facts stay readable by the engine. Request
 * validation is the HTTP layer's job; these run again inside the store's transaction, against
 * what is stored, because only there can "a second consent for this State" be seen.
 */
import { type CalendarDate, dateProblem } from '../core/date.js';
import { partialDateProblem } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';
import { RejectedWriteError } from '../core/rejection.js';
import { INSTRUMENT_KINDS } from './model.js';
import { extensionChainProblems } from './article5.js';
import { OPENED_FOR_SIGNATURE, SIGNATURE_CLOSED_AFTER } from './entry-into-force.js';
import type { ExtensionDecision, ExtensionDecisionInput, InstrumentInput } from './model.js';
import { type InstrumentRecord, isConsentKind } from './store-rows.js';

export type { ExtensionDecisionInput, InstrumentInput } from './model.js';

const invalid = (field: string, expected: string, found: string | null = null): RejectedWriteError =>
  new RejectedWriteError('invalid', field, expected, found);

function checkDates(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    const problem = value == null ? null : dateProblem(value);
    if (problem !== null) throw invalid(field, problem, value ?? null);
  }
}

export function checkSourceList(sources: readonly SourceId[]): void {
  if (sources.length === 0) throw invalid('sources', 'at least one source id (for example S02)');
}

function notBefore(field: string, date: CalendarDate | null | undefined, limit: CalendarDate, why: string): void {
  if (date != null && date < limit) throw invalid(field, `a date on or after ${limit} (${why})`, date);
}

function checkWithdrawal(input: InstrumentInput, existing: readonly InstrumentRecord[]): void {
  const consent = existing.find((i) => isConsentKind(i.kind));
  if (consent?.deposited == null)
    throw invalid('kind', `a withdrawal by a State that has deposited its consent (${input.iso3} has not)`, input.kind);
  const earlier = existing.find((i) => i.kind === 'withdrawal');
  if (earlier)
    throw new RejectedWriteError(
      'conflict',
      'kind',
      `no second withdrawal (${input.iso3} already has instrument ${earlier.id})`,
      input.kind,
    );
  if (input.deposited === null && input.effectiveStated == null && input.announced == null) {
    throw invalid(
      'deposited',
      'the date the Depositary received the withdrawal, or else its stated effective date or announcement',
    );
  }
  const why = `not before ${input.iso3} deposited its consent`;
  notBefore('deposited', input.deposited, consent.deposited, why);
  notBefore('announced', input.announced, consent.deposited, why);
  notBefore(
    'effectiveStated',
    input.effectiveStated,
    input.deposited ?? consent.deposited,
    'not before the withdrawal was deposited',
  );
  notBefore(
    'armedConflict.ended',
    input.armedConflict?.ended,
    input.deposited ?? consent.deposited,
    'not before the withdrawal was deposited',
  );
}

/** Throws RejectedWriteError when `input` cannot join the State's `existing` instruments. */
export function checkInstrument(input: InstrumentInput, existing: readonly InstrumentRecord[]): void {
  if (!(INSTRUMENT_KINDS as readonly string[]).includes(input.kind))
    throw invalid('kind', `one of ${INSTRUMENT_KINDS.join(', ')}`, input.kind);
  checkDates({
    deposited: input.deposited,
    effectiveStated: input.effectiveStated,
    announced: input.announced,
    'armedConflict.ended': input.armedConflict?.ended,
  });
  checkSourceList(input.sources);
  notBefore(
    'deposited',
    input.deposited,
    OPENED_FOR_SIGNATURE,
    'the Convention opened for signature on 3 Dec 1997, Art. 15',
  );
  if (input.kind === 'withdrawal') return checkWithdrawal(input, existing);

  if (input.deposited === null) throw invalid('deposited', `the date of the ${input.kind}`);
  for (const field of ['effectiveStated', 'announced', 'armedConflict'] as const) {
    if (input[field] != null) throw invalid(field, 'nothing: only a withdrawal has it');
  }
  if (input.kind === 'signature') {
    if (input.deposited > SIGNATURE_CLOSED_AFTER) {
      throw invalid(
        'deposited',
        `a date on or before ${SIGNATURE_CLOSED_AFTER} (open for signature until entry into force, Art. 15)`,
        input.deposited,
      );
    }
    const earlier = existing.find((i) => i.kind === 'signature');
    if (earlier)
      throw new RejectedWriteError(
        'conflict',
        'kind',
        `no second signature (${input.iso3} signed on ${earlier.deposited ?? '?'})`,
        input.kind,
      );
    return;
  }
  const consent = existing.find((i) => isConsentKind(i.kind));
  if (consent) {
    throw new RejectedWriteError(
      'conflict',
      'kind',
      `no second instrument of consent (${input.iso3} deposited its ${consent.kind} on ${consent.deposited ?? '?'})`,
      input.kind,
    );
  }
}

/**
 * Throws RejectedWriteError when the decision cannot follow the State's chain. `original` is
 * the computed Article 5 deadline, or null when it cannot be computed (fewer than 40 consents).
 */
export function checkExtension(
  input: ExtensionDecisionInput,
  original: CalendarDate | null,
  chain: readonly ExtensionDecision[],
): void {
  for (const field of ['granted', 'deadline'] as const) {
    const value = input[field];
    const problem = value === null ? null : partialDateProblem(value);
    if (problem !== null) throw invalid(field, problem, value);
  }
  checkSourceList(input.sources);
  if (original === null) return;
  const next = { granted: input.granted, deadline: input.deadline };
  const problem = extensionChainProblems(original, [...chain, next]).find((p) => p.index === chain.length);
  if (problem) {
    const field = problem.expected.includes('granted') ? 'granted' : 'deadline';
    throw invalid(field, problem.expected, input[field]);
  }
}
