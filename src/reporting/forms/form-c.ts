/**
 * Form C (Art. 7.1(c)): the areas that contain or are suspected to contain mines on the last day of
 * the period: every hazard area recorded by then with some of it left (the clearance pillar's
 * remaining area). The dates of emplacement are not recorded. No I/O here.
 */
import type { DraftForm } from '../model.js';
import { type DraftRecords, WHY, fromData, knownBy, rowToComplete, toComplete } from './records.js';

export const FORM_C_COLUMNS = ['area', 'location', 'type', 'devices', 'remainingM2', 'emplaced'] as const;

export function formC(r: DraftRecords): DraftForm {
  const areas = r.areas.filter((a) => knownBy(a.recorded, r) && a.remainingM2 > 0);
  const rows =
    areas.length === 0
      ? [rowToComplete('areas', FORM_C_COLUMNS, WHY.noAreas)]
      : areas.map((a) => ({
          key: a.ref.id,
          cells: {
            area: fromData(a.reference, [a]),
            location: fromData(a.name, [a]),
            type: fromData(a.type, [a]),
            devices: a.devices.length === 0 ? toComplete(WHY.noTypes) : fromData(a.devices.join(', '), [a]),
            remainingM2: fromData(a.remainingM2, [a]),
            emplaced: toComplete(WHY.emplacement),
          },
        }));
  return { form: 'C', columns: [...FORM_C_COLUMNS], rows, changed: null };
}
