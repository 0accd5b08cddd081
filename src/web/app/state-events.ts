/**
 * The events of one State's timeline: its instruments, and the dates the engine computes from
 * them, each with the source ids that state the facts it rests on. Plain data in, events out.
 */
import type { InstrumentRecord, SourceId, StateFacts, StateOnDate } from './api';

export interface StateEvent {
  key: string;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null when no source read gives it. */
  date: string | null;
  title: string;
  detail: string;
  sources: readonly SourceId[];
  /** The date is computed by the Convention's rules (not stated by a source). */
  computed: boolean;
  /** A deadline's standing on the chosen date. */
  mark?: StateOnDate['article4']['state'];
  /** Where an undated event belongs in time (a withdrawal whose deposit date is unknown). */
  placeAt?: string | null;
}

const CONSENT_TITLE: Record<string, string> = {
  ratification: 'Instrument of ratification deposited',
  acceptance: 'Instrument of acceptance deposited',
  approval: 'Instrument of approval deposited',
  accession: 'Instrument of accession deposited',
  succession: 'Notification of succession deposited',
};

function instrumentEvents(instrument: InstrumentRecord, asOf: string, effective: string | null): StateEvent[] {
  const base = { sources: instrument.sources, computed: false };
  if (instrument.kind === 'signature') {
    return [
      {
        ...base,
        key: String(instrument.id),
        date: instrument.deposited,
        title: 'Signed the Convention',
        detail: 'Signature (Art. 15).',
      },
    ];
  }
  if (instrument.kind !== 'withdrawal') {
    return [
      {
        ...base,
        key: String(instrument.id),
        date: instrument.deposited,
        title: CONSENT_TITLE[instrument.kind] ?? instrument.kind,
        detail: 'Consent to be bound deposited with the UN Secretary-General (Art. 16).',
      },
    ];
  }
  const events: StateEvent[] = [];
  if (instrument.announced !== null && instrument.announced <= asOf) {
    events.push({
      ...base,
      key: `${instrument.id}-announced`,
      date: instrument.announced,
      title: 'Decision to withdraw made public',
      detail: 'Announcement; not an instrument deposited with the Depositary.',
    });
  }
  events.push({
    ...base,
    key: `${instrument.id}-deposited`,
    date: instrument.deposited,
    title: 'Instrument of withdrawal received by the Depositary',
    placeAt: instrument.announced ?? effective,
    detail: 'Art. 20.2. A withdrawal takes effect six months after the Depositary receives it (Art. 20.3).',
  });
  const armedConflict = instrument.armedConflict !== null;
  events.push({
    ...base,
    key: `${instrument.id}-effective`,
    date: effective,
    title: 'Withdrawal takes effect',
    detail: armedConflict
      ? 'The State is engaged in an armed conflict: under Art. 20.3 the withdrawal does not take effect before the conflict ends, so the date cannot be known yet (pending).'
      : instrument.deposited === null
        ? 'Date as stated by the sources; the date the Depositary received the instrument was not found in the sources read.'
        : 'Six months after the Depositary received the instrument (Art. 20.3).',
    computed: instrument.deposited !== null,
  });
  return events;
}

function obligationEvents(state: StateOnDate, facts: StateFacts, consentSources: readonly SourceId[]): StateEvent[] {
  const events: StateEvent[] = [];
  const computed = { sources: consentSources, computed: true };
  if (state.entryIntoForce !== null) {
    events.push({
      ...computed,
      key: 'eif',
      date: state.entryIntoForce,
      title: 'Entry into force',
      detail:
        'Computed from the deposit of consent (Art. 17): the first day of the sixth month after the month of deposit, or 1 March 1999 for the first 40.',
    });
  }
  if (state.article7.initialDue !== null) {
    events.push({
      ...computed,
      key: 'a7',
      date: state.article7.initialDue,
      title: 'Article 7 initial transparency report due',
      detail: 'Entry into force + 180 days (Art. 7.1); annual reports follow, due 30 April each year (Art. 7.2).',
    });
  }
  const a4 = state.article4;
  if (a4.deadline !== null) {
    events.push({
      ...computed,
      key: 'a4',
      date: a4.deadline,
      title: 'Article 4 stockpile destruction deadline',
      detail: 'Entry into force + 4 years (Art. 4).',
      mark: a4.state,
    });
  }
  if (a4.completed !== null) {
    events.push({
      key: 'a4-done',
      date: a4.completed,
      title: 'Stockpile destruction completed',
      detail: 'Completion as reported (notes below).',
      sources: facts.article4?.sources ?? [],
      computed: false,
    });
  }
  const a5 = state.article5;
  if (a5.originalDeadline !== null) {
    events.push({
      ...computed,
      key: 'a5',
      date: a5.originalDeadline,
      title: 'Article 5 clearance deadline (original)',
      detail:
        facts.article5 === null
          ? 'Entry into force + 10 years (Art. 5.1), for a State Party with mined areas; the sources read give no Article 5 facts for this State.'
          : 'Entry into force + 10 years (Art. 5.1).',
      mark: a5.extensions.length === 0 && facts.article5 !== null ? a5.state : undefined,
    });
  }
  a5.extensions.forEach((extension, i) => {
    events.push({
      key: `a5-ext-${i}`,
      date: extension.granted,
      title: `Article 5 extension ${i + 1} granted`,
      detail:
        extension.deadline === null
          ? 'New deadline: not found in the sources read.'
          : `New clearance deadline set by the States Parties (Art. 5.3-5.6).`,
      sources: facts.article5?.sources ?? [],
      computed: false,
    });
    if (extension.deadline !== null) {
      const isCurrent = i === a5.extensions.length - 1;
      events.push({
        key: `a5-ext-${i}-deadline`,
        date: extension.deadline,
        title: `Article 5 clearance deadline (extension ${i + 1}${isCurrent ? ', current' : ''})`,
        detail: isCurrent ? 'The deadline in force on the chosen date.' : 'Replaced by a later extension.',
        sources: facts.article5?.sources ?? [],
        computed: false,
        mark: isCurrent ? a5.state : undefined,
      });
    }
  });
  if (a5.completed !== null) {
    events.push({
      key: 'a5-done',
      date: a5.completed,
      title: 'Article 5 clearance completed',
      detail: 'Completion declared.',
      sources: facts.article5?.sources ?? [],
      computed: false,
    });
  }
  return events;
}

/**
 * A partial date sorts at its last possible day ("2007" after "2007-03-01"): a completion known
 * only by its year is not placed before a deadline in the same year. Undated events go last
 * unless they know where they belong; the sort is stable, so ties keep the order built above.
 */
function sortKey(event: StateEvent): string {
  const date = event.date ?? event.placeAt ?? null;
  if (date === null) return '9999-99-99';
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/**
 * Everything known on the chosen date, earliest first; undated events last. `current` is the
 * State on the chosen date; `obligations` is the same, or, once a withdrawal has taken effect,
 * the State on the day before (its obligations as they stood until then).
 */
export function stateEvents(
  facts: StateFacts,
  current: StateOnDate,
  obligations: StateOnDate,
  asOf: string,
): StateEvent[] {
  const consent = facts.instruments.find((i) => i.kind !== 'signature' && i.kind !== 'withdrawal');
  const instruments = facts.instruments
    .filter((i) =>
      i.kind === 'withdrawal' ? current.withdrawal.state !== 'none' : i.deposited !== null && i.deposited <= asOf,
    )
    .flatMap((i) => instrumentEvents(i, asOf, current.withdrawal.effective));
  const all = [...instruments, ...obligationEvents(obligations, facts, consent?.sources ?? [])];
  return all.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
