/**
 * The browser app's message catalogue: react-i18next over the JSON files of src/i18n/locales/
 * (`common` and `web`), the only thing the app imports from outside src/web/ (data, no code).
 * Every language folder there is bundled, so a new language is a folder of JSON files.
 * How to add a string: src/i18n/README.md.
 */
import i18next, { type Resource, type TFunction as I18nextTFunction } from 'i18next';
import type * as Countries from 'i18n-iso-countries';
import { initReactI18next, useTranslation } from 'react-i18next';
import stateNameOverrides from '../../i18n/state-names.json';
import type {} from '../../i18n/resources';

export const SOURCE_LANGUAGE = 'en';

const files = import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/{common,web}.json', {
  eager: true,
  import: 'default',
});

/** `{ en: { common, web }, fr: { ... } }` from the files found. */
function bundled(): Resource {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    (resources[match[1]] ??= {})[match[2]] = messages;
  }
  return resources;
}

const resources = bundled();

void i18next.use(initReactI18next).init({
  lng: SOURCE_LANGUAGE,
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: Object.keys(resources),
  ns: ['common', 'web'],
  defaultNS: 'common',
  resources,
  initAsync: false,
  returnNull: false,
  // React escapes what it renders; chart tooltips escape their own HTML.
  interpolation: { escapeValue: false },
  // Components re-render when the language changes and when State names for it have arrived.
  react: { bindI18n: 'languageChanged loaded', useSuspense: false },
});

export const i18n = i18next;
/** For code outside components (chart options, page descriptions); components use `useTranslation()`. */
export const t = i18next.t;
export const language = (): string => i18next.resolvedLanguage ?? SOURCE_LANGUAGE;

const COMPONENT_NAMESPACES = ['web', 'common'] as const;

/** What `useT()` returns, for helpers a component hands it to. */
export type TFunction = I18nextTFunction<typeof COMPONENT_NAMESPACES>;

/**
 * The catalogue in a component: `const t = useT();`, then `t` with a `web:` or `common:` key (pass it to `<Trans t={t}>`
 * too); the component re-renders when the language changes.
 */
export function useT() {
  return useTranslation(COMPONENT_NAMESPACES).t;
}

// --- State names -------------------------------------------------------------------------------

interface Override {
  name: string;
  source: string;
}
const OVERRIDES: Readonly<Record<string, Readonly<Record<string, Override>>>> = stateNameOverrides;

/**
 * i18n-iso-countries and its names, one small file per language: fetched only when a language
 * other than English is chosen (English names are the data's).
 */
const COUNTRY_NAMES = import.meta.glob<Countries.LocaleData>('../../../node_modules/i18n-iso-countries/langs/*.json', {
  import: 'default',
});
let countries: typeof Countries | null = null;

async function loadStateNames(lng: string): Promise<void> {
  const base = lng.split('-')[0] ?? lng;
  const load = COUNTRY_NAMES[`../../../node_modules/i18n-iso-countries/langs/${base}.json`];
  if (base === SOURCE_LANGUAGE || load === undefined) return;
  countries ??= await import('i18n-iso-countries');
  if (countries.langs().includes(base)) return;
  countries.registerLocale(await load());
  i18next.emit('loaded', { [lng]: ['web'] });
}

i18next.on('languageChanged', (lng: string) => void loadStateNames(lng));

/**
 * A State's name for people, as src/i18n's stateName does on the server: the data's English
 * name (the API's `name`) in English; in another language the UN short name where the override
 * table has one, else i18n-iso-countries' name, else the English name.
 */
export function stateName(iso3: string, dataName: string): string {
  const base = language().split('-')[0] ?? SOURCE_LANGUAGE;
  if (base === SOURCE_LANGUAGE) return dataName;
  return OVERRIDES[base]?.[iso3]?.name ?? countries?.getName(iso3, base, { select: 'official' }) ?? dataName;
}

// --- Numbers through Intl, month names from the catalogue, in the catalogue's language ------------

// Building an Intl formatter costs far more than formatting with it (a State page formats hundreds of
// numbers), so each is built once per language and options.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** 8,605 — 1,234.5 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${language()}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language(), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

// Month names come from the catalogue, not from Intl: the first Intl.DateTimeFormat a page builds
// loads the locale's calendar data, about 0.2 s of a slow phone's first screen.
const MONTH_LONG = [
  'common:month.long.1',
  'common:month.long.2',
  'common:month.long.3',
  'common:month.long.4',
  'common:month.long.5',
  'common:month.long.6',
  'common:month.long.7',
  'common:month.long.8',
  'common:month.long.9',
  'common:month.long.10',
  'common:month.long.11',
  'common:month.long.12',
] as const;
const MONTH_SHORT = [
  'common:month.short.1',
  'common:month.short.2',
  'common:month.short.3',
  'common:month.short.4',
  'common:month.short.5',
  'common:month.short.6',
  'common:month.short.7',
  'common:month.short.8',
  'common:month.short.9',
  'common:month.short.10',
  'common:month.short.11',
  'common:month.short.12',
] as const;
let monthNamesOf: { language: string; long: string[]; short: string[] } | null = null;
i18next.on('languageChanged', () => (monthNamesOf = null));
i18next.on('loaded', () => (monthNamesOf = null));

/** "March", or "Mar" when short (month 1 to 12). */
export function monthName(month: number, short = false): string {
  if (monthNamesOf?.language !== language())
    monthNamesOf = { language: language(), long: MONTH_LONG.map((k) => t(k)), short: MONTH_SHORT.map((k) => t(k)) };
  return (short ? monthNamesOf.short : monthNamesOf.long)[month - 1] ?? String(month);
}

/** "Greece, Ukraine and Belarus": the words between the items come from the catalogue. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('common:list.last', {
    init: items.slice(0, -1).join(t('common:list.separator')),
    last: items[items.length - 1] ?? '',
  });
}
