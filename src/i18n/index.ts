/**
 * The message catalogue, Node side (the CLI, the fact sheet, the server's pages): one i18next
 * instance, initialised synchronously with the catalogue files in `locales/<language>/`, and
 * `Intl` helpers for the numbers and dates people read. The browser app initialises its own
 * instance from the same JSON files (src/web/app/i18n.ts). How to add a string: README.md.
 */
export { NAMESPACES, SOURCE_LANGUAGE, i18n, language, languages, setLanguage, t } from './catalogue.js';
export { formatDate, formatInteger, formatList, formatNumber, monthName } from './format.js';
export { stateName } from './state-names.js';
