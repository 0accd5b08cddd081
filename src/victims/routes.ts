/**
 * HTTP routes of victim assistance (the victims pillar's plugin). Public routes answer with
 * frameworks and suppressed aggregates only; records and personal details are for the roles
 * `authoriseRecords` lets through, and every read of personal details is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AuthUser, WRITE_STATE, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import type { StateCode } from '../core/states.js';
import { today } from '../core/date.js';
import { importCasualties } from './files/import.js';
import { CasualtyImportError, describeImportProblem } from './files/read.js';
import { pageQuery, personalBody, readPersonalBody, readRecords, recordIdParam, recordsBody } from './input.js';
import { frameworkHistory, globalVictims, stateBreakdowns, stateVictims } from './service.js';
import { addRecords, getRecord, listRecords, readPersonal, writePersonal } from './store.js';

const TAGS = ['Victim assistance'];
const UPLOAD_LIMIT = 256 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Who may read or write the casualty records of `iso3`: every such route is `WRITE_STATE`, so the
 * kit has already checked, before the body, that the account may change that State's records
 * (its national editor, or an admin); this returns that user for the audit row.
 */
export function authoriseRecords(request: FastifyRequest, _iso3: StateCode): AuthUser {
  return requireWriter(request);
}

export function victimsPlugin(app: FastifyInstance, { store }: PillarOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(['text/csv'], { parseAs: 'string', bodyLimit: UPLOAD_LIMIT }, (_r, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser([XLSX_TYPE], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_r, body, done) =>
    done(null, body),
  );

  api.get(
    '/api/v1/victims',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Victim assistance on a date: States Parties with significant numbers of victims, and how many have a coordination mechanism, a plan in force, survivor participation',
        querystring: asOfQuery,
      },
    },
    async (request) => globalVictims(store, asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/victims',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "A State's victim assistance on a date: framework, and casualties per year from its records (cells below 5 and their complements withheld)",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => stateVictims(store, knownState(request.params.iso3), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/victims/breakdowns',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "A State's casualties by sex, age band, status and device on a date (cells below 5 and their complements withheld)",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => stateBreakdowns(store, knownState(request.params.iso3), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/victims/frameworks',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "Every observation of a State's victim assistance framework published by the date, oldest first, with its sources",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => frameworkHistory(store, knownState(request.params.iso3), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/casualties',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          "A State's casualty records, a page at a time, without personal details (editor or admin; x-csrf-token)",
        params: iso3Param,
        querystring: pageQuery,
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      authoriseRecords(request, iso3);
      return listRecords(store, iso3, request.query);
    },
  );

  api.post(
    '/api/v1/states/:iso3/casualties',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: 'Add casualty records (the fields of a casualty file), all or none (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: recordsBody,
      },
    },
    async (request, reply) => {
      const iso3 = knownState(request.params.iso3);
      const user = authoriseRecords(request, iso3);
      const day = today();
      const { records, problems } = readRecords(request.body, iso3, day);
      if (problems.length > 0)
        throw new HttpProblem(422, `The records were not stored: ${problems.length} problem(s).`, problems);
      const written = await addRecords(store, iso3, records, [], { userId: user.id }, { recorded: day });
      return reply.code(201).send(written);
    },
  );

  api.post(
    '/api/v1/states/:iso3/casualties/import',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: `Import a casualty file, all or nothing: CSV (Content-Type text/csv) or XLSX (${XLSX_TYPE}) (editor or admin; x-csrf-token)`,
        params: iso3Param,
        body: z.union([z.string(), z.instanceof(Buffer)]).describe('The file'),
      },
    },
    async (request, reply) => {
      const iso3 = knownState(request.params.iso3);
      const user = authoriseRecords(request, iso3);
      const body = request.body;
      const format = typeof body === 'string' ? 'csv' : 'xlsx';
      try {
        const result = await importCasualties(
          store,
          body,
          `upload.${format}`,
          format,
          { state: iso3, today: today() },
          {
            userId: user.id,
          },
        );
        return reply.code(201).send(result);
      } catch (error) {
        if (!(error instanceof CasualtyImportError)) throw error;
        throw new HttpProblem(
          422,
          `The file was not imported: ${error.count} problem(s).`,
          error.problems.map((p) => ({
            field: `body (${p.sheet === null ? '' : `sheet ${p.sheet} `}row ${p.row}${p.field === null ? '' : ` field ${p.field}`})`,
            expected: describeImportProblem(p),
          })),
        );
      }
    },
  );

  api.get(
    '/api/v1/states/:iso3/casualties/:id/personal',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary:
          "A record's personal details (name, contact, consent); every read is audited (editor or admin; x-csrf-token)",
        params: iso3Param.extend(recordIdParam.shape),
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      const user = authoriseRecords(request, iso3);
      const record = await getRecord(store, iso3, request.params.id);
      if (record === null) throw new HttpProblem(404, `${iso3} has no casualty record with this id.`);
      const details = await readPersonal(store, iso3, record.id, { userId: user.id });
      if (details === null) throw new HttpProblem(404, 'No personal details are recorded for this record.');
      return details;
    },
  );

  api.put(
    '/api/v1/states/:iso3/casualties/:id/personal',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: "Record a record's personal details with the consent given (editor or admin; x-csrf-token)",
        params: iso3Param.extend(recordIdParam.shape),
        body: personalBody,
      },
    },
    async (request, reply) => {
      const iso3 = knownState(request.params.iso3);
      const user = authoriseRecords(request, iso3);
      const record = await getRecord(store, iso3, request.params.id);
      if (record === null) throw new HttpProblem(404, `${iso3} has no casualty record with this id.`);
      await writePersonal(store, iso3, readPersonalBody(record.id, request.body), { userId: user.id });
      return reply.code(204).send();
    },
  );
  return Promise.resolve();
}
