/**
 * Form D (Art. 7.1(d)): mines retained under Art. 3.1 at the end of the latest year of the period
 * recorded in the ledger (one row per purpose, with those consumed during it), and mines
 * transferred for destruction (Art. 3.2) in the period. The ledger does not record the type of
 * retained mines, the institutions authorised or lot numbers. No I/O here.
 */
import type { DraftForm, DraftRow } from '../model.js';
import { type DraftRecords, WHY, fromData, fromDataOr, inPeriod, rowToComplete, toComplete } from './records.js';

export const FORM_D_COLUMNS = ['type', 'quantity', 'purpose', 'consumed', 'institutions', 'lots'] as const;

/** The purpose cell of a transfer (Art. 3.2). */
export const TRANSFERRED_FOR_DESTRUCTION = 'transferred-for-destruction';

export function formD(r: DraftRecords): DraftForm {
  const retained = r.stock.filter((e) => e.kind === 'retained' && inPeriod(e.date, r));
  const latest = retained.reduce<string | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
  const rows: DraftRow[] = retained
    .filter((e) => e.date === latest)
    .map((e) => ({
      key: `retained:${e.purpose ?? 'unspecified'}`,
      cells: {
        type: toComplete(WHY.retainedType),
        quantity: fromDataOr(e.quantity, [e], WHY.quantityUnknown),
        purpose: fromData(e.purpose ?? 'unspecified', [e]),
        consumed: fromDataOr(e.consumed, [e], WHY.consumedUnknown),
        institutions: toComplete(WHY.institutions),
        lots: toComplete(WHY.lots),
      },
    }));
  for (const e of r.stock.filter((k) => k.kind === 'transferred' && inPeriod(k.date, r))) {
    rows.push({
      key: `transferred:${e.ref.id}`,
      cells: {
        type: fromData(e.mineType ?? 'unspecified', [e]),
        quantity: fromDataOr(e.quantity, [e], WHY.quantityUnknown),
        purpose: fromData(TRANSFERRED_FOR_DESTRUCTION, [e]),
        consumed: toComplete(WHY.consumedUnknown),
        institutions: toComplete(WHY.institutions),
        lots: toComplete(WHY.lots),
      },
    });
  }
  if (rows.length === 0) rows.push(rowToComplete('retained', FORM_D_COLUMNS, WHY.noRetained));
  return { form: 'D', columns: [...FORM_D_COLUMNS], rows, changed: null };
}
