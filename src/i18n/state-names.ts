/**
 * State names for people, per language. English keeps the reference data's names (data/states.csv,
 * each with its sources), so the CLI, the fact sheet and the web app name a State exactly as the
 * JSON `name` fields do. Other languages take the name from i18n-iso-countries, except where the
 * UN's short name differs: those are in `state-names.json`, each entry with its source (UNTERM,
 * the UN terminology database, "short name"). The JSON answers keep `name` in English always.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { readCsv } from '../core/csv.js';
import { language } from './catalogue.js';
import overrides from './state-names.json' with { type: 'json' };

interface Override {
  name: string;
  source: string;
}

const OVERRIDES: Readonly<Record<string, Readonly<Record<string, Override>>>> = overrides;

const STATES_CSV = join(fileURLToPath(new URL('../../data/', import.meta.url)), 'states.csv');
let english: ReadonlyMap<string, string> | null = null;

/** The reference data's English names, read once when a name is asked for without one. */
function englishNames(): ReadonlyMap<string, string> {
  english ??= new Map(readCsv(STATES_CSV).map((row) => [row.get('iso3'), row.get('name')]));
  return english;
}

/**
 * The name of a State in a language (default: the catalogue's current one). `dataName` is the
 * English name the caller already holds (a `name` field); without it, data/states.csv is read.
 * Falls back to the English name, then to the code, when a language has no name for it.
 */
export function stateName(iso3: string, lng: string = language(), dataName?: string): string {
  const fallback = dataName ?? englishNames().get(iso3) ?? iso3;
  const base = lng.split('-')[0] ?? lng;
  if (base === 'en') return fallback;
  return OVERRIDES[base]?.[iso3]?.name ?? countries.getName(iso3, base, { select: 'official' }) ?? fallback;
}

/** The source of an override, for the README and tests; null when the package's name is used. */
export function stateNameSource(iso3: string, lng: string): string | null {
  return OVERRIDES[lng]?.[iso3]?.source ?? null;
}
