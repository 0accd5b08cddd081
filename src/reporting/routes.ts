/** HTTP routes of Article 7 reports (the reporting pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { CalendarDate } from '../core/date.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WRITE_STATE, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import type { EngineCache } from '../treaty/cache.js';
import { draftEditsBody, draftParams, readPeriod, readReport, reportBody, submitBody } from './input.js';
import { reportDraftPdf } from './documents/pdf.js';
import { reportDraftXlsx } from './documents/xlsx-export.js';
import { DraftImportError, readDraftXlsx } from './documents/xlsx-import.js';
import { XLSX_CONTENT_TYPE } from './documents/xlsx-layout.js';
import type { ReportDraft } from './model.js';
import { DraftRefused, draftOf, editDraft, recordReport, reportsOf, reportsOn, submitReportDraft } from './service.js';

const TAGS = ['Reports'];
/** A report's workbook is small: a State's forms, not its records. */
const XLSX_LIMIT = 16 * 1024 * 1024;

export interface ReportingOptions extends PillarOptions {
  engines: EngineCache;
}

export function reportingPlugin(app: FastifyInstance, { store, engines }: ReportingOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const engine = async () => (await engines.get()).engine;
  // A draft's workbook sent back is the file's bytes (this plugin's routes only).
  app.addContentTypeParser([XLSX_CONTENT_TYPE], { parseAs: 'buffer', bodyLimit: XLSX_LIMIT }, (_r, body, done) =>
    done(null, body),
  );

  api.get(
    '/api/v1/reports',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Article 7 on a date: every bound State’s initial and annual reports (due, on time, late, overdue, not recorded) and the counts of each 30 April',
        querystring: asOfQuery,
      },
    },
    async (request) => reportsOn(store, await engine(), asOf(request.query)),
  );

  api.get(
    '/api/v1/reports/annual',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Each 30 April passed by the date: how many annual Article 7 reports were due, on time, late, overdue, not recorded, and the share on time where it can be computed (newest first)',
        querystring: asOfQuery,
      },
    },
    async (request) => (await reportsOn(store, await engine(), asOf(request.query))).annual,
  );

  api.get(
    '/api/v1/states/:iso3/reports',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: "A State's Article 7 reports on a date: each deadline, the day received, the mark, the sources",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      const answer = await reportsOf(store, await engine(), iso3, asOf(request.query));
      if (answer === null) throw new HttpProblem(404, `${iso3} is not in the reference data.`);
      return answer;
    },
  );

  api.post(
    '/api/v1/states/:iso3/reports',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          'Record a submission of a State’s Article 7 report, or a source’s statement that it had not been received (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: reportBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const record = readReport(iso3, request.body);
      const stored = await recordReport(store, await engine(), record, { userId: user.id }, asOf(request.body));
      return reply.code(201).send(stored);
    },
  );

  // A read answers 404 for a report that cannot exist; a write names it with 422.
  const refused =
    (read: boolean) =>
    (error: unknown): never => {
      if (error instanceof DraftRefused)
        throw new HttpProblem(read ? 404 : error.status, `${error.field}: expected ${error.expected}.`, [
          { field: error.field === 'iso3' ? 'path.iso3' : 'path.report', expected: error.expected },
        ]);
      throw error;
    };

  /** The draft a route's path names on `date`; a report that cannot exist is a 404 on a read, a 422 on a write. */
  const draftAt = async (params: { iso3: string; report: string }, date: CalendarDate, read: boolean) =>
    draftOf(store, await engine(), knownState(params.iso3), readPeriod(params.report), date).catch(refused(read));

  api.get(
    '/api/v1/states/:iso3/reports/:report/draft',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "A draft of a State's Article 7 report, Forms A–J: each cell from the records (citing them and their sources), to complete (with why) or edited; once submitted, the report as frozen that day",
        params: draftParams,
        querystring: asOfQuery,
      },
    },
    async (request) => draftAt(request.params, asOf(request.query), true),
  );

  api.patch(
    '/api/v1/states/:iso3/reports/:report/draft',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          "Edit cells of a State's draft report (editor or admin; x-csrf-token): each edit names form, row and column; a null value clears it. 409 once submitted",
        params: draftParams,
        body: draftEditsBody,
      },
    },
    async (request) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const report = readPeriod(request.params.report);
      return editDraft(
        store,
        await engine(),
        iso3,
        report,
        request.body.edits,
        { userId: user.id },
        asOf(request.body),
      ).catch(refused(false));
    },
  );

  api.post(
    '/api/v1/states/:iso3/reports/:report/draft/submit',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          "Submit a State's draft report (editor or admin; x-csrf-token): the report as it stands is kept, frozen, and audited; 409 when already submitted",
        params: draftParams,
        body: submitBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const report = readPeriod(request.params.report);
      const submitted = await submitReportDraft(
        store,
        await engine(),
        iso3,
        report,
        { userId: user.id },
        asOf(request.body),
      ).catch(refused(false));
      return reply.code(201).send(submitted);
    },
  );

  /** `minefree-KHM-2025-draft.pdf`: the file name a download is saved under. */
  const fileName = (d: ReportDraft, extension: string): string =>
    `minefree-${d.iso3}-${String(d.report)}-${d.status}.${extension}`;

  api.get(
    '/api/v1/states/:iso3/reports/:report/draft.pdf',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "The draft (or submitted report) as a PDF: a cover, each form's table, cells to complete marked, endnotes",
        params: draftParams,
        querystring: asOfQuery,
      },
    },
    async (request, reply) => {
      const draft = await draftAt(request.params, asOf(request.query), true);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileName(draft, 'pdf')}"`)
        .send(await reportDraftPdf(draft));
    },
  );

  api.get(
    '/api/v1/states/:iso3/reports/:report/draft.xlsx',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'The draft (or submitted report) as a workbook: a cover sheet, then one sheet per form (Form A …), cells to complete marked with why',
        params: draftParams,
        querystring: asOfQuery,
      },
    },
    async (request, reply) => {
      const draft = await draftAt(request.params, asOf(request.query), true);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${fileName(draft, 'xlsx')}"`)
        .send(await reportDraftXlsx(draft));
    },
  );

  api.put(
    '/api/v1/states/:iso3/reports/:report/draft.xlsx',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: `Edit a draft from its workbook (${XLSX_CONTENT_TYPE}), all or nothing: every cell that differs becomes an edit; problems name sheet and cell (editor or admin; x-csrf-token)`,
        params: draftParams,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const report = readPeriod(request.params.report);
      if (!Buffer.isBuffer(request.body))
        throw new HttpProblem(415, 'Send the draft’s workbook as an XLSX file.', [
          { field: 'header.content-type', expected: XLSX_CONTENT_TYPE },
        ]);
      const date = asOf(request.query);
      const current = await draftAt(request.params, date, false);
      const edits = await readDraftXlsx(request.body, current, fileName(current, 'xlsx')).catch((error: unknown) => {
        if (!(error instanceof DraftImportError)) throw error;
        throw new HttpProblem(
          422,
          error.message,
          error.problems.map((p) => ({
            field: p.sheet === null ? 'body' : p.cell === null ? p.sheet : `${p.sheet}!${p.cell}`,
            expected: p.message,
          })),
        );
      });
      return editDraft(store, await engine(), iso3, report, edits, { userId: user.id }, date).catch(refused(false));
    },
  );
  return Promise.resolve();
}
