/**
 * A report draft as JSON: the `ReportDraft` as it is (model.ts), two-space indented, UTF-8.
 * The same shape as `GET …/states/{iso3}/reports/{report}/draft`.
 */
import type { ReportDraft } from '../model.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function reportDraftJson(draft: ReportDraft): Buffer {
  return Buffer.from(`${JSON.stringify(draft, null, 2)}\n`, 'utf8');
}
