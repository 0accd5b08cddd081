/**
 * A draft of Forms A–J from a State's records (records.ts), with the edits a person made over it
 * (edits.ts) and what changed since the last submitted report (changes.ts). No I/O here.
 */
import type { CalendarDate } from '../../core/date.js';
import type { CellEdit, DraftForm, DraftStatus, ReportDraft } from '../model.js';
import { withChanges } from './changes.js';
import { applyEdits } from './edits.js';
import { formA, formE } from './form-a-e.js';
import { formB } from './form-b.js';
import { formC } from './form-c.js';
import { formD } from './form-d.js';
import { formF } from './form-f.js';
import { formG } from './form-g.js';
import { formH, formI } from './form-h-i.js';
import { formJ } from './form-j.js';
import type { DraftRecords } from './records.js';

/** Forms A–J computed from the records, in order, none compared yet. */
export function draftForms(r: DraftRecords): DraftForm[] {
  return [formA(), formB(r), formC(r), formD(r), formE(), formF(r), formG(r), formH(r), formI(r), formJ(r)];
}

export interface DraftContext {
  status: DraftStatus;
  /** The day the records were read. */
  asOf: CalendarDate;
  submittedOn: CalendarDate | null;
  /** The edits stored for the draft. */
  edits: readonly CellEdit[];
  /** The last report submitted before this one, frozen; null when none. */
  previous: ReportDraft | null;
}

/** The draft of a report: computed, edited, compared with the previous submitted report. */
export function draftReport(r: DraftRecords, context: DraftContext): ReportDraft {
  const computed: ReportDraft = {
    iso3: r.iso3,
    name: r.name,
    report: r.report,
    from: r.from,
    to: r.to,
    status: context.status,
    asOf: context.asOf,
    submittedOn: context.submittedOn,
    forms: draftForms(r),
    previous: null,
    changes: [],
  };
  return withChanges(applyEdits(computed, context.edits), context.previous);
}
