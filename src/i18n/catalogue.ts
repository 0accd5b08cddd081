/**
 * The i18next instance of the Node side, initialised synchronously with the catalogue files in
 * `locales/<language>/` (import from `src/i18n/index.ts`, not from here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type Resource } from 'i18next';
import cli from './locales/en/cli.json' with { type: 'json' };
import common from './locales/en/common.json' with { type: 'json' };
import factsheet from './locales/en/factsheet.json' with { type: 'json' };
import reporting from './locales/en/reporting.json' with { type: 'json' };
import type {} from './resources.js';

/** English is the source language: its files are imported (they type the keys); others are read from disk. */
export const SOURCE_LANGUAGE = 'en';
/** The namespaces the Node side uses (`web` is the browser app's). */
export const NAMESPACES = ['common', 'cli', 'factsheet', 'reporting'] as const;

// The source folder, from src/i18n/ and from its compiled copy in dist/i18n/ alike (tsc copies only the imported English files).
const LOCALES = fileURLToPath(new URL('../../src/i18n/locales/', import.meta.url));

/** Every other language with a folder in locales/: one JSON file per namespace, read once, synchronously. */
function otherLanguages(): Resource {
  const resources: Resource = {};
  if (!existsSync(LOCALES)) return resources;
  for (const language of readdirSync(LOCALES)) {
    if (language === SOURCE_LANGUAGE) continue;
    const bundle: Record<string, Record<string, unknown>> = {};
    for (const ns of NAMESPACES) {
      const file = `${LOCALES}${language}/${ns}.json`;
      if (existsSync(file)) bundle[ns] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    }
    resources[language] = bundle;
  }
  return resources;
}

const resources: Resource = { [SOURCE_LANGUAGE]: { common, cli, factsheet, reporting }, ...otherLanguages() };

/** The catalogue: missing keys and missing languages fall back to English. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: SOURCE_LANGUAGE,
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: Object.keys(resources),
  ns: [...NAMESPACES],
  defaultNS: 'common',
  resources,
  initAsync: false,
  returnNull: false,
  // The catalogue holds plain text; HTML renderers escape what they write themselves.
  interpolation: { escapeValue: false },
});

/** Looks up a key: `t('cli:status.title', { date })`; plurals by `count` (`key_one`, `key_other`: Intl.PluralRules). */
export const t = i18n.t;

/** The language messages are written in now. */
export const language = (): string => i18n.resolvedLanguage ?? SOURCE_LANGUAGE;

/** The languages the catalogue has (English first). */
export const languages = (): string[] => Object.keys(resources);

/** Switches every message to another language of the catalogue (tests, a future `--language`). */
export function setLanguage(lng: string): void {
  void i18n.changeLanguage(lng);
}
