/** Records for the draft tests: a State with one of everything, dated around the year 2020. */
import { type CalendarDate, parseDate } from '../../core/date.js';
import type { DraftRecords, StockEntryFacts } from './records.js';

export const d = parseDate;

export const stock = (
  id: string,
  kind: StockEntryFacts['kind'],
  date: string,
  more: Partial<Omit<StockEntryFacts, 'ref' | 'kind' | 'date'>> = {},
): StockEntryFacts => ({
  ref: { kind: 'stockpile-entry', id },
  sources: ['S1'],
  kind,
  date: d(date),
  mineType: null,
  quantity: null,
  method: null,
  place: null,
  purpose: null,
  consumed: null,
  ...more,
});

/** Nothing recorded: every form to complete. */
export const emptyRecords = (report: DraftRecords['report'] = 2020): DraftRecords => ({
  iso3: 'KHM',
  name: 'Cambodia',
  report,
  from: report === 'initial' ? null : d(`${report}-01-01`),
  to: report === 'initial' ? d('2020-12-31') : d(`${report}-12-31`),
  withdrawalEffective: null,
  stock: [],
  remaining: null,
  areas: [],
  releases: [],
  devices: [],
  warnings: [],
  framework: null,
  casualties: null,
  flows: [],
});

/** One record of each kind, each dated `day` (31 December 2020 is in the 2020 report, 1 January 2021 is not). */
export function recordsOn(day: string, base: DraftRecords = emptyRecords()): DraftRecords {
  const date: CalendarDate = d(day);
  const year = Number(day.slice(0, 4));
  return {
    ...base,
    stock: [
      stock('1', 'declared', '2019-06-30', { mineType: 'PMN', quantity: 1000 }),
      stock('2', 'destroyed', day, { mineType: 'PMN', quantity: 400, method: 'open burning', place: 'Kampong Speu' }),
      stock('3', 'found', day, { mineType: 'POM-2', quantity: 50 }),
      stock('4', 'retained', day, { quantity: 120, purpose: 'training', consumed: 10 }),
      stock('5', 'transferred', day, { mineType: 'PMN', quantity: 5, purpose: 'THA' }),
    ],
    remaining: { quantity: 645, asDeclaredOn: null, completed: false },
    areas: [
      {
        ref: { kind: 'hazard-area', id: 'KHM-1' },
        sources: ['S2'],
        reference: 'HA-001',
        name: 'Pailin north',
        type: 'CHA',
        devices: ['AP mine'],
        recorded: date,
        remainingM2: 25000,
      },
    ],
    releases: [{ ref: { kind: 'land-release', id: 'R1' }, sources: ['S2'], kind: 'cleared', areaM2: 5000, date }],
    devices: [{ ref: { kind: 'devices-destroyed', id: 'A1' }, sources: ['S2'], type: 'PMN-2', count: 7, date }],
    warnings: [{ ref: { kind: 'warning', id: 'W1' }, sources: ['S3'], area: 'HA-001', measure: 'fencing', date }],
    framework: {
      ref: { kind: 'va-framework', id: 'KHM@2020-06-01' },
      sources: ['S4'],
      significantNumberOfVictims: true,
      coordination: 'victim-assistance',
      plan: 'in-force',
      survivorParticipation: null,
    },
    casualties: { ref: { kind: 'casualty-year', id: `KHM:${year}` }, sources: [], year, killed: 12, injured: null },
    flows: [
      {
        ref: { kind: 'funding-flow', id: '9' },
        sources: ['S5'],
        donor: 'NOR',
        recipient: 'KHM',
        year,
        usd: 1000.5,
        type: 'disbursement',
        funding: 'international',
      },
      {
        ref: { kind: 'funding-flow', id: '10' },
        sources: ['S5'],
        donor: 'KHM',
        recipient: 'KHM',
        year,
        usd: 300,
        type: 'disbursement',
        funding: 'national',
      },
    ],
  };
}
