/**
 * The events of one State's timeline: its instruments, and the dates the engine computes from
 * them, each with the source ids that state the facts it rests on. Plain data in, events out.
 */
import type { InstrumentRecord, SourceId, StateFacts, StateOnDate } from './api';
import { t } from './i18n';

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

type ConsentTitle =
  | 'web:events.consent.ratification'
  | 'web:events.consent.acceptance'
  | 'web:events.consent.approval'
  | 'web:events.consent.accession'
  | 'web:events.consent.succession';

const CONSENT_TITLE: Readonly<Record<string, ConsentTitle>> = {
  ratification: 'web:events.consent.ratification',
  acceptance: 'web:events.consent.acceptance',
  approval: 'web:events.consent.approval',
  accession: 'web:events.consent.accession',
  succession: 'web:events.consent.succession',
};

function consentTitle(kind: string): string {
  const key = CONSENT_TITLE[kind];
  return key === undefined ? kind : t(key);
}

function instrumentEvents(instrument: InstrumentRecord, asOf: string, effective: string | null): StateEvent[] {
  const base = { sources: instrument.sources, computed: false };
  if (instrument.kind === 'signature') {
    return [
      {
        ...base,
        key: String(instrument.id),
        date: instrument.deposited,
        title: t('web:events.signed'),
        detail: t('web:events.signedDetail'),
      },
    ];
  }
  if (instrument.kind !== 'withdrawal') {
    return [
      {
        ...base,
        key: String(instrument.id),
        date: instrument.deposited,
        title: consentTitle(instrument.kind),
        detail: t('web:events.consentDetail'),
      },
    ];
  }
  const events: StateEvent[] = [];
  if (instrument.announced !== null && instrument.announced <= asOf) {
    events.push({
      ...base,
      key: `${instrument.id}-announced`,
      date: instrument.announced,
      title: t('web:events.announced'),
      detail: t('web:events.announcedDetail'),
    });
  }
  events.push({
    ...base,
    key: `${instrument.id}-deposited`,
    date: instrument.deposited,
    title: t('web:events.withdrawalDeposited'),
    placeAt: instrument.announced ?? effective,
    detail: t('web:events.withdrawalDepositedDetail'),
  });
  const armedConflict = instrument.armedConflict !== null;
  events.push({
    ...base,
    key: `${instrument.id}-effective`,
    date: effective,
    title: t('web:events.withdrawalEffective'),
    detail: armedConflict
      ? t('web:events.withdrawalArmedConflict')
      : instrument.deposited === null
        ? t('web:events.withdrawalUndated')
        : t('web:events.withdrawalSixMonths'),
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
      title: t('web:events.eif'),
      detail: t('web:events.eifDetail'),
    });
  }
  if (state.article7.initialDue !== null) {
    events.push({
      ...computed,
      key: 'a7',
      date: state.article7.initialDue,
      title: t('web:events.article7'),
      detail: t('web:events.article7Detail'),
    });
  }
  const a4 = state.article4;
  if (a4.deadline !== null) {
    events.push({
      ...computed,
      key: 'a4',
      date: a4.deadline,
      title: t('web:events.article4'),
      detail: t('web:events.article4Detail'),
      mark: a4.state,
    });
  }
  if (a4.completed !== null) {
    events.push({
      key: 'a4-done',
      date: a4.completed,
      title: t('web:events.article4Done'),
      detail: t('web:events.article4DoneDetail'),
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
      title: t('web:events.article5'),
      detail: facts.article5 === null ? t('web:events.article5DetailNoFacts') : t('web:events.article5Detail'),
      mark: a5.extensions.length === 0 && facts.article5 !== null ? a5.state : undefined,
    });
  }
  a5.extensions.forEach((extension, i) => {
    events.push({
      key: `a5-ext-${i}`,
      date: extension.granted,
      title: t('web:events.extension', { n: i + 1 }),
      detail: extension.deadline === null ? t('web:events.extensionNoDeadline') : t('web:events.extensionDetail'),
      sources: facts.article5?.sources ?? [],
      computed: false,
    });
    if (extension.deadline !== null) {
      const isCurrent = i === a5.extensions.length - 1;
      events.push({
        key: `a5-ext-${i}-deadline`,
        date: extension.deadline,
        title: t(isCurrent ? 'web:events.extensionDeadlineCurrent' : 'web:events.extensionDeadline', { n: i + 1 }),
        detail: isCurrent ? t('web:events.extensionCurrentDetail') : t('web:events.extensionReplacedDetail'),
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
      title: t('web:events.article5Done'),
      detail: t('web:events.article5DoneDetail'),
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
