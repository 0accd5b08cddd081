/** HTTP routes of the stockpile ledger (the stockpiles pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { columnLetters, type DataProblem } from '../core/errors.js';
import { WRITE_STATE, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import type { EngineCache } from '../treaty/cache.js';
import { LedgerImportRejected, exportLedgerFile, importLedgerFile } from './files/import.js';
import { CONTENT_TYPES } from './files/ledger-file.js';
import { entriesBody, readEntry } from './input.js';
import { ledgerOf, recordEntries, stockpileOf, stockpilesByStateOn, stockpilesOn } from './service.js';

const TAGS = ['Stockpiles'];

/** A ledger file is small (a few hundred rows); 16 MB leaves room for a spreadsheet's overhead. */
const UPLOAD_LIMIT = 16 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
const importQuery = asOfQuery.extend({
  file: z
    .string()
    .max(200)
    .regex(/^[^/\\]+$/)
    .optional()
    .describe('the name of the uploaded file, used in problems (default: upload.csv or upload.xlsx)'),
});

/** Where a problem of an uploaded file is: its name, sheet, row and column. */
function whereInFile(p: DataProblem): string {
  const place = p.sheet === undefined ? [`line ${p.line}`] : [`sheet "${p.sheet}"`, `row ${p.line}`];
  if (p.column !== null)
    place.push(`column ${p.sheet === undefined ? p.column : columnLetters(p.column)}${p.field ? ` (${p.field})` : ''}`);
  return `body (${[p.file, ...place].join(', ')})`;
}

export interface StockpilesOptions extends PillarOptions {
  engines: EngineCache;
}

export function stockpilesPlugin(app: FastifyInstance, { store, engines }: StockpilesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const engine = async () => (await engines.get()).engine;

  api.get(
    '/api/v1/stockpiles',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'Article 4 on a date: States Parties with no stockpile, completed, holding, missed; mines destroyed',
        querystring: asOfQuery,
      },
    },
    async (request) => stockpilesOn(store, await engine(), asOf(request.query)),
  );

  api.get(
    '/api/v1/stockpiles/states',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "Every State's Article 4 state and deadline on a date (null where not bound), and the ledger's destructions by year",
        querystring: asOfQuery,
      },
    },
    async (request) => stockpilesByStateOn(store, await engine(), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/stockpiles',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "A State's stockpile on a date: deadline, Article 4 state, declared, destroyed, remaining, found, retained",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      const answer = await stockpileOf(store, await engine(), iso3, asOf(request.query));
      if (answer === null) throw new HttpProblem(404, `${iso3} is not in the reference data.`);
      return answer;
    },
  );

  api.get(
    '/api/v1/states/:iso3/stockpiles/ledger',
    {
      config: PUBLIC_READ,
      schema: { tags: TAGS, summary: "A State's ledger: every entry as stored, with its sources", params: iso3Param },
    },
    async (request) => ledgerOf(store, knownState(request.params.iso3)),
  );

  api.post(
    '/api/v1/states/:iso3/stockpiles',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: "Add entries to a State's ledger, all or none (editor or admin; x-csrf-token)",
        params: iso3Param,
        body: entriesBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const entries = request.body.entries.map((e) => readEntry(iso3, e));
      const until = asOf(request.body);
      const stored = await recordEntries(store, await engine(), iso3, entries, { userId: user.id }, until);
      return reply.code(201).send(stored);
    },
  );
  // A ledger upload is the file's bytes (these routes only): CSV or XLSX by its Content-Type.
  app.addContentTypeParser(
    ['text/csv', XLSX_TYPE],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );

  api.get(
    '/api/v1/states/:iso3/stockpiles/export',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: "A State's ledger as a file, CSV or XLSX (the columns the import reads)",
        params: iso3Param,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const iso3 = knownState(request.params.iso3);
      const format = request.query.format;
      const bytes = await exportLedgerFile(store, iso3, format);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${iso3}-stockpiles.${format}"`)
        .send(bytes);
    },
  );

  api.post(
    '/api/v1/states/:iso3/stockpiles/import',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          "Replace a State's ledger with a CSV (text/csv) or XLSX file, all or nothing; problems name file, sheet, row and column (editor or admin; x-csrf-token)",
        params: iso3Param,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const format = type === 'text/csv' ? 'csv' : type === XLSX_TYPE ? 'xlsx' : null;
      if (format === null || !Buffer.isBuffer(request.body))
        throw new HttpProblem(415, 'Send the ledger as text/csv or as an XLSX spreadsheet.', [
          { field: 'header.content-type', expected: `text/csv or ${XLSX_TYPE}` },
        ]);
      const file = request.query.file ?? `upload.${format}`;
      try {
        const result = await importLedgerFile(
          store,
          await engine(),
          iso3,
          file,
          request.body,
          { userId: user.id },
          asOf(request.query),
          format,
        );
        return reply.code(201).send({
          iso3,
          file: result.file,
          format,
          entries: result.entries,
          replaced: result.replaced,
          ledger: result.stored,
        });
      } catch (error) {
        if (!(error instanceof LedgerImportRejected)) throw error;
        throw new HttpProblem(
          422,
          `${error.file}: nothing imported: ${error.problems.length} problem(s).`,
          error.problems.map((p) => ({
            field: whereInFile(p),
            expected: p.found === null ? p.expected : `${p.expected}; found "${p.found}"`,
          })),
        );
      }
    },
  );
  return Promise.resolve();
}
