/**
 * Form J (voluntary, other relevant matters): victim assistance (the framework on the last day of
 * the period, the casualties recorded for the year as published, small counts withheld) and
 * cooperation (US$ disbursed to the State by others, by the State to others, and by the State to its
 * own programme, in the years of the period; flows counted twice are left out). No I/O here.
 */
import { toParts } from '../../core/date.js';
import type { DraftCell, DraftForm, DraftRow } from '../model.js';
import { type DraftRecords, type FlowFacts, WHY, fromData, lastDayRead, toComplete } from './records.js';

export const FORM_J_COLUMNS = ['value'] as const;

/** The row keys of Form J, in order. */
export const FORM_J_ROWS = [
  'victims.significantNumber',
  'victims.coordination',
  'victims.plan',
  'victims.survivorParticipation',
  'casualties.killed',
  'casualties.injured',
  'funding.received',
  'funding.provided',
  'funding.national',
] as const;

const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? 'yes' : 'no');

export function formJ(r: DraftRecords): DraftForm {
  const f = r.framework;
  const framework = (value: string | null): DraftCell =>
    f === null || value === null ? toComplete(WHY.notStated) : fromData(value, [f]);
  const c = r.casualties;
  const casualty = (value: number | null | undefined): DraftCell =>
    c === null || value === undefined
      ? toComplete(WHY.noCasualties)
      : value === null
        ? toComplete(WHY.suppressed)
        : fromData(value, [c]);
  const last = toParts(lastDayRead(r)).year;
  const first = r.from === null ? Number.NEGATIVE_INFINITY : toParts(r.from).year;
  const flows = r.flows.filter((x) => x.type === 'disbursement' && x.year >= first && x.year <= last);
  const funding = (chosen: FlowFacts[]): DraftCell =>
    chosen.length === 0
      ? toComplete(WHY.noFlows)
      : fromData(Math.round(chosen.reduce((s, x) => s + x.usd, 0) * 100) / 100, chosen);
  const inYear = c !== null && c.year >= first && c.year <= last;
  const values: Record<(typeof FORM_J_ROWS)[number], DraftCell> = {
    'victims.significantNumber': framework(yesNo(f?.significantNumberOfVictims ?? null)),
    'victims.coordination': framework(f?.coordination ?? null),
    'victims.plan': framework(f?.plan ?? null),
    'victims.survivorParticipation': framework(yesNo(f?.survivorParticipation ?? null)),
    'casualties.killed': casualty(inYear ? c.killed : undefined),
    'casualties.injured': casualty(inYear ? c.injured : undefined),
    'funding.received': funding(
      flows.filter((x) => x.recipient === r.iso3 && x.funding === 'international' && x.donor !== r.iso3),
    ),
    'funding.provided': funding(flows.filter((x) => x.donor === r.iso3 && x.recipient !== r.iso3)),
    'funding.national': funding(flows.filter((x) => x.recipient === r.iso3 && x.funding === 'national')),
  };
  const rows: DraftRow[] = FORM_J_ROWS.map((key) => ({ key, cells: { value: values[key] } }));
  return { form: 'J', columns: [...FORM_J_COLUMNS], rows, changed: null };
}
