/** Request bodies of the stockpile routes, validated by zod and read into the model (no casts in routes). */
import { z } from 'zod';
import type { PartialDate } from '../core/partial-date.js';
import { calendarDate, partialDate, sourceIds } from '../core/schemas.js';
import { QUALIFIERS } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import { type LedgerEntry, MINE_TYPES, RETAINED_PURPOSES } from './model.js';

const quantity = z
  .number()
  .int()
  .min(0)
  .nullable()
  .describe('A whole number of mines, 0 or more; null when not stated');
const common = {
  sources: sourceIds,
  notes: z.string().optional(),
};
const qualifier = z.enum(QUALIFIERS).optional().describe('As the source qualifies the number (default exact)');
const type = z.enum(MINE_TYPES).optional().describe('Mine type as the source names it (default unspecified)');

export const entryBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('declared'), date: partialDate, quantity, qualifier, type, ...common }),
  z.object({ kind: z.literal('none-held'), date: partialDate, ...common }),
  z.object({
    kind: z.literal('destroyed'),
    from: partialDate.nullable().optional(),
    date: partialDate,
    quantity,
    qualifier,
    type,
    method: z.string().nullable().optional(),
    place: z.string().nullable().optional(),
    ...common,
  }),
  z.object({
    kind: z.literal('transferred'),
    date: partialDate,
    quantity,
    qualifier,
    type,
    recipient: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')
      .nullable()
      .optional(),
    ...common,
  }),
  z.object({
    kind: z.literal('found'),
    date: partialDate.describe('The day the State reported the stock'),
    quantity,
    qualifier,
    type,
    destroyed: partialDate.nullable().optional(),
    ...common,
  }),
  z.object({ kind: z.literal('completed'), from: partialDate.nullable().optional(), date: partialDate, ...common }),
  z.object({ kind: z.literal('stated'), date: partialDate, met: z.boolean(), ...common }),
  z.object({
    kind: z.literal('retained'),
    year: z.number().int().min(1997).max(9999),
    held: z.number().int().min(0),
    consumed: z.number().int().min(0).nullable().optional(),
    purpose: z.enum(RETAINED_PURPOSES).optional(),
    qualifier,
    ...common,
  }),
]);

export const entriesBody = z.object({
  entries: z.array(entryBody).min(1).max(10_000),
  asOf: calendarDate.optional().describe('No entry may be dated after this day (default: today)'),
});

type EntryBody = z.infer<typeof entryBody>;
const pd = (text: string): PartialDate => text as PartialDate;
const pdOrNull = (text: string | null | undefined): PartialDate | null => (text ? pd(text) : null);

/** A validated entry as the model's (the schema has checked every date's shape). */
export function readEntry(iso3: StateCode, b: EntryBody): LedgerEntry {
  const base = { iso3, sources: b.sources, notes: b.notes ?? '' };
  switch (b.kind) {
    case 'declared':
      return {
        ...base,
        kind: b.kind,
        date: pd(b.date),
        quantity: b.quantity,
        qualifier: b.qualifier ?? 'exact',
        mineType: b.type ?? 'unspecified',
      };
    case 'none-held':
      return { ...base, kind: b.kind, date: pd(b.date) };
    case 'destroyed':
      return {
        ...base,
        kind: b.kind,
        from: pdOrNull(b.from),
        date: pd(b.date),
        quantity: b.quantity,
        qualifier: b.qualifier ?? 'exact',
        mineType: b.type ?? 'unspecified',
        method: b.method ?? null,
        place: b.place ?? null,
      };
    case 'transferred':
      return {
        ...base,
        kind: b.kind,
        date: pd(b.date),
        quantity: b.quantity,
        qualifier: b.qualifier ?? 'exact',
        mineType: b.type ?? 'unspecified',
        recipient: (b.recipient ?? null) as StateCode | null,
      };
    case 'found':
      return {
        ...base,
        kind: b.kind,
        date: pd(b.date),
        quantity: b.quantity,
        qualifier: b.qualifier ?? 'exact',
        mineType: b.type ?? 'unspecified',
        destroyed: pdOrNull(b.destroyed),
      };
    case 'completed':
      return { ...base, kind: b.kind, from: pdOrNull(b.from), date: pd(b.date) };
    case 'stated':
      return { ...base, kind: b.kind, date: pd(b.date), met: b.met };
    case 'retained':
      return {
        ...base,
        kind: b.kind,
        year: b.year,
        held: b.held,
        consumed: b.consumed ?? null,
        purpose: b.purpose ?? 'unspecified',
        qualifier: b.qualifier ?? 'exact',
      };
  }
}
