/**
 * Form G (Art. 7.1(g)): mines destroyed in the period, by type, split between the stockpile
 * (Art. 4: the ledger's destructions) and mined areas (Art. 5: devices destroyed in clearance).
 * Lot numbers are never recorded. No I/O here.
 */
import type { DraftForm, DraftRow } from '../model.js';
import {
  type Cited,
  type DraftRecords,
  WHY,
  fromData,
  fromDataOr,
  inPeriod,
  rowToComplete,
  toComplete,
} from './records.js';

export const FORM_G_COLUMNS = ['type', 'article', 'quantity', 'lots'] as const;

interface Destroyed extends Cited {
  type: string;
  quantity: number | null;
}

function byType(article: 'article4' | 'article5', destroyed: readonly Destroyed[]): DraftRow[] {
  const groups = new Map<string, Destroyed[]>();
  for (const d of destroyed) groups.set(d.type, [...(groups.get(d.type) ?? []), d]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, list]) => {
      const quantity = list.reduce<number | null>(
        (s, d) => (s === null || d.quantity === null ? null : s + d.quantity),
        0,
      );
      return {
        key: `${article}:${type}`,
        cells: {
          type: fromData(type, list),
          article: fromData(article, list),
          quantity: fromDataOr(quantity, list, WHY.quantityUnknown),
          lots: toComplete(WHY.lots),
        },
      };
    });
}

export function formG(r: DraftRecords): DraftForm {
  const stock = r.stock
    .filter((e) => e.kind === 'destroyed' && inPeriod(e.date, r))
    .map((e) => ({ ...e, type: e.mineType ?? 'unspecified' }));
  const devices = r.devices.filter((d) => inPeriod(d.date, r)).map((d) => ({ ...d, quantity: d.count }));
  const rows = [...byType('article4', stock), ...byType('article5', devices)];
  return {
    form: 'G',
    columns: [...FORM_G_COLUMNS],
    rows: rows.length === 0 ? [rowToComplete('destroyed', FORM_G_COLUMNS, WHY.noDestruction)] : rows,
    changed: null,
  };
}
