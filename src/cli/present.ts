import type { DeadlineEntry, StateOnDate, StatusSummary } from '../treaty/status.js';
import { formatPairs, formatTable } from './table.js';

const STATUS_LABEL: Record<StateOnDate['status'], string> = {
  'state-party': 'State Party',
  signatory: 'Signatory',
  'not-party': 'Not party',
  withdrawn: 'Withdrawn',
};

const dash = (value: string | null | undefined): string => value ?? '—';

export function statusText(s: StatusSummary): string {
  const latest = s.latestToJoin ? `${s.latestToJoin.name} (${s.latestToJoin.instrument}, ${s.latestToJoin.date})` : '—';
  return [
    `The Anti-Personnel Mine Ban Convention on ${s.asOf}`,
    '',
    formatPairs([
      ['States', String(s.statesTotal)],
      ['States Parties', String(s.statesParties)],
      ['  in force for', String(s.inForce)],
      ['States not party', String(s.notParty)],
      ['  signatories not party', String(s.signatoriesNotParty)],
      ['Withdrawals in effect', s.withdrawals.effective.join(', ') || 'none'],
      ['Withdrawals pending', s.withdrawals.pending.join(', ') || 'none'],
      ['Latest to join', latest],
    ]),
  ].join('\n');
}

export function stateText(s: StateOnDate, asOf: string): string {
  const a5 = s.article5;
  const extensions = a5.extensions.map((e) => `${dash(e.granted)} -> ${dash(e.deadline)}`).join('; ');
  return [
    `${s.name} (${s.iso3}) on ${asOf}`,
    '',
    formatPairs([
      [
        'Status',
        `${STATUS_LABEL[s.status]}${s.status === 'state-party' ? (s.inForce ? ', in force' : ', not yet in force') : ''}`,
      ],
      ['Signed', dash(s.signed)],
      ['Consent to be bound', s.consent ? `${s.consent.kind}, deposited ${s.consent.date}` : '—'],
      ['Entry into force', dash(s.entryIntoForce)],
      [
        'Withdrawal',
        s.withdrawal.state === 'none'
          ? 'none'
          : `${s.withdrawal.state} (notified ${dash(s.withdrawal.notified)}, effective ${dash(s.withdrawal.effective)})`,
      ],
      [
        'Article 4 deadline',
        s.article4.deadline
          ? `${s.article4.deadline} (${dash(s.article4.state)}${s.article4.completed ? `, completed ${s.article4.completed}` : ''})`
          : '—',
      ],
      ['Article 5 original deadline', dash(a5.originalDeadline)],
      ['Article 5 extensions', extensions || 'none recorded'],
      [
        'Article 5 current deadline',
        a5.currentDeadline
          ? `${a5.currentDeadline} (${dash(a5.state)}${a5.completed ? `, completed ${a5.completed}` : ''})`
          : '—',
      ],
      ['Article 7 initial report due', dash(s.article7.initialDue)],
    ]),
  ].join('\n');
}

export function statesText(states: readonly StateOnDate[]): string {
  return formatTable(
    ['ISO3', 'State', 'Status', 'Consent', 'In force', 'Art. 4', 'Art. 5', 'Art. 7 initial'],
    states.map((s) => [
      s.iso3,
      s.name,
      STATUS_LABEL[s.status],
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
    ['Deadline', 'ISO3', 'State', 'Mark'],
    entries.map((e) => [dash(e.deadline), e.iso3, e.name, e.state]),
  );
}
