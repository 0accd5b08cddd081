/**
 * Form F (Art. 7.1(f)): the destruction programmes, one row for the stockpile (Art. 4) and one for
 * the mined areas (Art. 5): the status on the last day of the period, and what the period achieved
 * (mines destroyed; m² released: cancelled, reduced and cleared). Methods and sites come from the
 * ledger's destructions where recorded; the safety and environmental standards never are. No I/O here.
 */
import type { DraftCell, DraftForm, DraftRow } from '../model.js';
import {
  type Cited,
  type DraftRecords,
  WHY,
  fromData,
  fromDataOr,
  inPeriod,
  knownBy,
  rowToComplete,
  toComplete,
} from './records.js';

export const FORM_F_COLUMNS = [
  'programme',
  'status',
  'quantity',
  'unit',
  'methods',
  'sites',
  'safetyStandards',
  'environmentalStandards',
] as const;

/** Programme states in the status cell. */
export const PROGRAMME_STATES = ['no-stockpile', 'completed', 'in-progress'] as const;

const listed = (values: readonly (string | null)[], cited: readonly Cited[], why: string): DraftCell => {
  const distinct = [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
  return distinct.length === 0 ? toComplete(why) : fromData(distinct.join('; '), cited);
};

/** A sum, or null when any part is not known. */
const sum = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((s, v) => (s === null || v === null ? null : s + v), 0);

function article4(r: DraftRecords): DraftRow {
  const known = r.stock.filter((e) => e.kind !== 'retained' && knownBy(e.date, r));
  if (r.remaining === null || known.length === 0) return rowToComplete('article4', FORM_F_COLUMNS, WHY.noProgramme);
  const destroyed = known.filter((e) => e.kind === 'destroyed' && inPeriod(e.date, r));
  const status = known.some((e) => e.kind === 'none-held')
    ? 'no-stockpile'
    : r.remaining.completed || r.remaining.quantity === 0
      ? 'completed'
      : r.remaining.quantity === null
        ? null
        : 'in-progress';
  const quantity = sum(destroyed.map((e) => e.quantity));
  return {
    key: 'article4',
    cells: {
      programme: fromData('article4', known),
      status: fromDataOr(status, known, WHY.quantityUnknown),
      quantity: destroyed.length === 0 ? fromData(0, known) : fromDataOr(quantity, destroyed, WHY.quantityUnknown),
      unit: fromData('mines', known),
      methods: listed(
        destroyed.map((e) => e.method),
        destroyed,
        WHY.methods,
      ),
      sites: listed(
        destroyed.map((e) => e.place),
        destroyed,
        WHY.methods,
      ),
      safetyStandards: toComplete(WHY.standards),
      environmentalStandards: toComplete(WHY.standards),
    },
  };
}

function article5(r: DraftRecords): DraftRow {
  const areas = r.areas.filter((a) => knownBy(a.recorded, r));
  if (areas.length === 0) return rowToComplete('article5', FORM_F_COLUMNS, WHY.noProgramme);
  const released = r.releases.filter((e) => inPeriod(e.date, r));
  const remaining = areas.reduce((s, a) => s + a.remainingM2, 0);
  const cited = [...areas, ...released];
  return {
    key: 'article5',
    cells: {
      programme: fromData('article5', cited),
      status: fromData(remaining > 0 ? 'in-progress' : 'completed', areas),
      quantity: fromData(
        Math.round(released.reduce((s, e) => s + e.areaM2, 0)),
        released.length === 0 ? areas : released,
      ),
      unit: fromData('m2', cited),
      methods: toComplete(WHY.methods),
      sites: toComplete(WHY.methods),
      safetyStandards: toComplete(WHY.standards),
      environmentalStandards: toComplete(WHY.standards),
    },
  };
}

export function formF(r: DraftRecords): DraftForm {
  return { form: 'F', columns: [...FORM_F_COLUMNS], rows: [article4(r), article5(r)], changed: null };
}
