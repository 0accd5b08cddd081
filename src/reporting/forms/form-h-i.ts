/**
 * Forms H (technical characteristics of each mine type, Art. 7.1(h)) and I (measures to warn the
 * population, Art. 7.1(i)). H lists the mine types the ledger names by the end of the period; their
 * characteristics are never recorded. I lists the warnings recorded in the period (no pillar
 * records marking or risk education yet, so it is usually one row to complete). No I/O here.
 */
import type { DraftForm } from '../model.js';
import { type DraftRecords, WHY, fromData, inPeriod, knownBy, rowToComplete, toComplete } from './records.js';

export const FORM_H_COLUMNS = [
  'type',
  'dimensions',
  'fusing',
  'explosiveContent',
  'metallicContent',
  'photographs',
  'other',
] as const;
export const FORM_I_COLUMNS = ['area', 'measure', 'date'] as const;

export function formH(r: DraftRecords): DraftForm {
  const types = new Map<string, DraftRecords['stock']>();
  for (const e of r.stock) {
    if (e.mineType === null || e.mineType === 'unspecified' || !knownBy(e.date, r)) continue;
    types.set(e.mineType, [...(types.get(e.mineType) ?? []), e]);
  }
  const rows = [...types.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, entries]) => ({
      key: type,
      cells: Object.fromEntries(
        FORM_H_COLUMNS.map((c) => [c, c === 'type' ? fromData(type, entries) : toComplete(WHY.characteristics)]),
      ),
    }));
  return {
    form: 'H',
    columns: [...FORM_H_COLUMNS],
    rows: rows.length === 0 ? [rowToComplete('types', FORM_H_COLUMNS, WHY.noTypes)] : rows,
    changed: null,
  };
}

export function formI(r: DraftRecords): DraftForm {
  const warnings = r.warnings.filter((w) => inPeriod(w.date, r));
  const rows = warnings.map((w) => ({
    key: w.ref.id,
    cells: { area: fromData(w.area, [w]), measure: fromData(w.measure, [w]), date: fromData(w.date, [w]) },
  }));
  return {
    form: 'I',
    columns: [...FORM_I_COLUMNS],
    rows: rows.length === 0 ? [rowToComplete('warnings', FORM_I_COLUMNS, WHY.noWarnings)] : rows,
    changed: null,
  };
}
