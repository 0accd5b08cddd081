import { stateName, t } from '../i18n/index.js';
import type { DeadlineEntry, StateOnDate, StatusSummary } from '../treaty/status.js';
import { formatPairs, formatTable } from './table.js';

const STATUS_LABEL = {
  'state-party': 'cli:treatyStatus.state-party',
  signatory: 'cli:treatyStatus.signatory',
  'not-party': 'cli:treatyStatus.not-party',
  withdrawn: 'cli:treatyStatus.withdrawn',
} as const satisfies Record<StateOnDate['status'], string>;

const DEADLINE_STATE = {
  'no-stockpile': 'common:deadlineState.no-stockpile',
  met: 'common:deadlineState.met',
  missed: 'common:deadlineState.missed',
  open: 'common:deadlineState.open',
  unknown: 'common:deadlineState.unknown',
} as const;

const WITHDRAWAL_STATE = {
  none: 'common:withdrawalState.none',
  pending: 'common:withdrawalState.pending',
  effective: 'common:withdrawalState.effective',
} as const;

const CONSENT_KIND = {
  ratification: 'common:consentKind.ratification',
  acceptance: 'common:consentKind.acceptance',
  approval: 'common:consentKind.approval',
  accession: 'common:consentKind.accession',
  succession: 'common:consentKind.succession',
} as const;

const dash = (value: string | null | undefined): string => value ?? t('common:dash');
const deadlineState = (state: keyof typeof DEADLINE_STATE | null): string =>
  state === null ? t('common:dash') : t(DEADLINE_STATE[state]);
const none = (items: readonly string[]): string => items.join(', ') || t('common:none');

export function statusText(s: StatusSummary): string {
  const latest = s.latestToJoin
    ? t('cli:status.latest', {
        name: stateName(s.latestToJoin.iso3, undefined, s.latestToJoin.name),
        instrument: t(CONSENT_KIND[s.latestToJoin.instrument]),
        date: s.latestToJoin.date,
      })
    : t('common:dash');
  return [
    t('cli:status.title', { date: s.asOf }),
    '',
    formatPairs([
      [t('cli:status.states'), String(s.statesTotal)],
      [t('cli:status.statesParties'), String(s.statesParties)],
      [t('cli:status.inForce'), String(s.inForce)],
      [t('cli:status.notParty'), String(s.notParty)],
      [t('cli:status.signatoriesNotParty'), String(s.signatoriesNotParty)],
      [t('cli:status.withdrawalsEffective'), none(s.withdrawals.effective)],
      [t('cli:status.withdrawalsPending'), none(s.withdrawals.pending)],
      [t('cli:status.latestToJoin'), latest],
    ]),
  ].join('\n');
}

/** "2008-03-01 (missed)", "2008-03-01 (met, completed 2007-11-01)", or a dash. */
function deadlineText(
  deadline: string | null,
  state: keyof typeof DEADLINE_STATE | null,
  completed: string | null,
): string {
  if (!deadline) return t('common:dash');
  return completed
    ? t('cli:state.deadlineCompleted', { deadline, state: deadlineState(state), completed })
    : t('cli:state.deadlineValue', { deadline, state: deadlineState(state) });
}

export function stateText(s: StateOnDate, asOf: string): string {
  const a5 = s.article5;
  const extensions = a5.extensions
    .map((e) => t('cli:state.extension', { granted: dash(e.granted), deadline: dash(e.deadline) }))
    .join(t('cli:state.extensionSeparator'));
  const status = t(STATUS_LABEL[s.status]);
  return [
    t('cli:state.title', { name: stateName(s.iso3, undefined, s.name), iso3: s.iso3, date: asOf }),
    '',
    formatPairs([
      [
        t('cli:state.status'),
        s.status === 'state-party'
          ? t(s.inForce ? 'cli:state.inForce' : 'cli:state.notYetInForce', { status })
          : status,
      ],
      [t('cli:state.signed'), dash(s.signed)],
      [
        t('cli:state.consent'),
        s.consent
          ? t('cli:state.consentValue', { kind: t(CONSENT_KIND[s.consent.kind]), date: s.consent.date })
          : t('common:dash'),
      ],
      [t('cli:state.entryIntoForce'), dash(s.entryIntoForce)],
      [
        t('cli:state.withdrawal'),
        s.withdrawal.state === 'none'
          ? t('common:none')
          : t('cli:state.withdrawalValue', {
              state: t(WITHDRAWAL_STATE[s.withdrawal.state]),
              notified: dash(s.withdrawal.notified),
              effective: dash(s.withdrawal.effective),
            }),
      ],
      [t('cli:state.article4Deadline'), deadlineText(s.article4.deadline, s.article4.state, s.article4.completed)],
      [t('cli:state.article5Original'), dash(a5.originalDeadline)],
      [t('cli:state.article5Extensions'), extensions || t('cli:state.noExtensions')],
      [t('cli:state.article5Current'), deadlineText(a5.currentDeadline, a5.state, a5.completed)],
      [t('cli:state.article7Initial'), dash(s.article7.initialDue)],
    ]),
  ].join('\n');
}

export function statesText(states: readonly StateOnDate[]): string {
  return formatTable(
    [
      t('cli:states.iso3'),
      t('cli:states.state'),
      t('cli:states.status'),
      t('cli:states.consent'),
      t('cli:states.inForce'),
      t('cli:states.article4'),
      t('cli:states.article5'),
      t('cli:states.article7'),
    ],
    states.map((s) => [
      s.iso3,
      stateName(s.iso3, undefined, s.name),
      t(STATUS_LABEL[s.status]),
      dash(s.consent?.date),
      dash(s.entryIntoForce),
      dash(s.article4.deadline),
      dash(s.article5.currentDeadline ?? s.article5.originalDeadline),
      dash(s.article7.initialDue),
    ]),
  );
}

export function deadlinesText(entries: readonly DeadlineEntry[]): string {
  return formatTable(
    [t('cli:deadlines.deadline'), t('cli:deadlines.iso3'), t('cli:deadlines.state'), t('cli:deadlines.mark')],
    entries.map((e) => [dash(e.deadline), e.iso3, stateName(e.iso3, undefined, e.name), deadlineState(e.state)]),
  );
}
