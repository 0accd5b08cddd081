/**
 * The catalogue's shape, for TypeScript: `t('ns:key')` is checked against the English files by
 * both the Node side (catalogue.ts) and the browser app (src/web/app/i18n.ts, a type-only import).
 * Types only: no code runs from here.
 */
import type cli from './locales/en/cli.json';
import type common from './locales/en/common.json';
import type factsheet from './locales/en/factsheet.json';
import type reporting from './locales/en/reporting.json';
import type web from './locales/en/web.json';

export interface CatalogueResources {
  common: typeof common;
  cli: typeof cli;
  factsheet: typeof factsheet;
  reporting: typeof reporting;
  web: typeof web;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: CatalogueResources;
  }
}
