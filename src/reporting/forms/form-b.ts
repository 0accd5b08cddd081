/**
 * Form B (Art. 7.1(b)): the stockpiled anti-personnel mines on the last day of the period. The total
 * is the stockpile pillar's stock remaining; per type only while that stock is a declaration nothing
 * recorded since has changed (the ledger does not follow types through destructions); stock found
 * in the period (8MSP revision) has a row each. Lot numbers are never recorded. No I/O here.
 */
import type { DraftForm, DraftRow } from '../model.js';
import {
  type DraftRecords,
  WHY,
  fromData,
  fromDataOr,
  inPeriod,
  knownBy,
  rowToComplete,
  toComplete,
} from './records.js';

export const FORM_B_COLUMNS = ['type', 'quantity', 'lots'] as const;

export function formB(r: DraftRecords): DraftForm {
  const form = (rows: DraftRow[]): DraftForm => ({ form: 'B', columns: [...FORM_B_COLUMNS], rows, changed: null });
  const known = r.stock.filter((e) => e.kind !== 'retained' && knownBy(e.date, r));
  if (r.remaining === null || known.length === 0)
    return form([rowToComplete('total', FORM_B_COLUMNS, WHY.noStockpile)]);
  const rows: DraftRow[] = [
    {
      key: 'total',
      cells: {
        type: fromData('total', known),
        quantity: fromDataOr(r.remaining.quantity, known, WHY.quantityUnknown),
        lots: toComplete(WHY.lots),
      },
    },
  ];
  const asDeclared = r.remaining.asDeclaredOn;
  if (asDeclared !== null) {
    for (const e of known.filter((k) => k.kind === 'declared' && k.date === asDeclared)) {
      const type = e.mineType ?? 'unspecified';
      rows.push({
        key: `type:${type}`,
        cells: {
          type: fromData(type, [e]),
          quantity: fromDataOr(e.quantity, [e], WHY.quantityUnknown),
          lots: toComplete(WHY.lots),
        },
      });
    }
  }
  for (const e of known.filter((k) => k.kind === 'found' && inPeriod(k.date, r))) {
    rows.push({
      key: `found:${e.ref.id}`,
      cells: {
        type: fromData(e.mineType ?? 'unspecified', [e]),
        quantity: fromDataOr(e.quantity, [e], WHY.quantityUnknown),
        lots: toComplete(WHY.lots),
      },
    });
  }
  return form(rows);
}
