// The funding routes on the real app, SQLite and PostgreSQL: flows posted all or nothing, the
// funding answer in the JSON shape on a date, an IATI file uploaded, refused and re-imported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { type SignedIn, expectProblem, useApp } from './harness.js';

const SAMPLE = readFileSync(new URL('../../src/cooperation/test-files/iati-sample.xml', import.meta.url), 'utf8');
const RATES = 'rate=EUR:2022:1.053:S100&rate=EUR:2023:1.0813:S100';

const flow = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  donor: { id: 'NOR', name: 'Norway', kind: 'state' },
  recipient: 'KHM',
  sector: 'clearance-risk-education',
  year: 2015,
  amount: 1_000_000,
  published: '2016-11-22',
  sources: ['S95'],
  ...over,
});

forEachDatabase((database) => {
  describe('funding API', () => {
    const h = useApp(database);
    const upload = (query: string, xml: string, auth?: SignedIn) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/funding/iati?${query}`,
        payload: xml,
        headers: {
          'content-type': 'application/xml',
          ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } : {}),
        },
      });

    it('answers zeros and no year before any flow or published figure is known', async () => {
      const response = await h.get('/api/v1/funding?asOf=2000-01-01');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        asOf: '2000-01-01',
        year: null,
        total: 0,
        international: 0,
        national: 0,
        bySector: [],
        topDonors: [],
        recipients: [],
        source: [],
        basis: 'none',
        reported: [],
      });
    });

    it('with no flow of the year, quotes the published figures known on the date (the seed’s 2015 figures)', async () => {
      // The seed's figures are dated by the ICBL factsheet of June 2017 they came from (issue 14's edition rule).
      const answer = (await h.get('/api/v1/funding?asOf=2017-12-13&year=2015')).json<Record<string, unknown>>();
      expect(answer).toMatchObject({
        basis: 'reported',
        international: 352_000_000,
        national: 130_000_000,
        source: ['S00'],
      });
      const revised = (await h.get('/api/v1/funding?asOf=2018-03-01&year=2015')).json<Record<string, unknown>>();
      expect(revised).toMatchObject({ basis: 'reported', international: 394_000_000, source: ['S00', 'S320'] });
      const latest = (await h.get('/api/v1/funding?asOf=2018-03-01')).json<Record<string, unknown>>();
      expect(latest).toMatchObject({ basis: 'reported', year: 2016, international: 479_500_000 });
    });

    it('refuses a write without an editor session and CSRF token', async () => {
      expectProblem(await h.post('/api/v1/funding/flows', { flows: [flow()] }), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(await h.post('/api/v1/funding/flows', { flows: [flow()] }, viewer), 403);
      expectProblem(await upload('source=S101', SAMPLE), 401);
    });

    it('adds flows all or none, and the answer follows on the date, in the issue shape', async () => {
      const editor = await h.signIn('admin');
      const bad = expectProblem(
        await h.post('/api/v1/funding/flows', { flows: [flow(), flow({ sector: 'mines' })] }, editor),
        400,
      );
      expect(bad.errors?.[0]?.field).toBe('body.flows.1.sector');
      const year = expectProblem(
        await h.post('/api/v1/funding/flows', { flows: [flow(), flow({ year: 1989 })] }, editor),
        422,
      );
      expect(year.errors?.[0]?.field).toBe('body.flows[1].year');
      const currency = expectProblem(
        await h.post('/api/v1/funding/flows', { flows: [flow({ currency: 'XYZ', usd: 5 })] }, editor),
        422,
      );
      expect(currency.errors?.[0]?.field).toBe('body.flows[0].currency');
      const negative = expectProblem(
        await h.post('/api/v1/funding/flows', { flows: [flow({ amount: -5 })] }, editor),
        422,
      );
      expect(negative.errors?.[0]?.field).toBe('body.flows[0].amount');
      expect((await h.get('/api/v1/funding/flows')).json<unknown[]>()).toHaveLength(0);

      const created = await h.post(
        '/api/v1/funding/flows',
        {
          asOf: '2018-06-30',
          flows: [
            flow({ amount: 600_000 }),
            flow({
              donor: { id: 'USA', name: 'United States', kind: 'state' },
              sector: 'victim-assistance',
              amount: 300_000,
            }),
            flow({
              donor: { id: 'KHM', name: 'Cambodia', kind: 'state' },
              funding: 'national',
              amount: 100_000,
              sources: ['S320'],
            }),
            flow({
              donor: { id: 'XM-DAC-918-3', name: 'European Union', kind: 'institution' },
              recipient: null,
              amount: 1000,
              currency: 'EUR',
              exchangeRate: 1.1,
              rateSource: 'S100',
              published: '2017-12-01',
            }),
            flow({ year: 2016, amount: 5, published: '2018-03-02' }),
          ],
        },
        editor,
      );
      expect(created.statusCode).toBe(201);
      expect(created.json<{ added: unknown[] }>().added).toHaveLength(5);

      const answer = await h.get('/api/v1/funding?asOf=2018-03-01');
      const body = answer.json<Record<string, unknown>>();
      expect(Object.keys(body)).toEqual([
        'asOf',
        'year',
        'total',
        'international',
        'national',
        'bySector',
        'topDonors',
        'recipients',
        'source',
        'basis',
        'reported',
      ]);
      expect(body).toEqual({
        asOf: '2018-03-01',
        year: 2015,
        total: 1_001_100,
        international: 901_100,
        national: 100_000,
        bySector: [
          { sector: 'clearance-risk-education', amount: 701_100, share: 0.7003 },
          { sector: 'victim-assistance', amount: 300_000, share: 0.2997 },
        ],
        topDonors: [
          { donor: 'NOR', amount: 600_000, share: 0.6659 },
          { donor: 'USA', amount: 300_000, share: 0.3329 },
          { donor: 'XM-DAC-918-3', amount: 1100, share: 0.0012 },
        ],
        recipients: [
          { iso3: 'KHM', amount: 1_000_000 },
          { iso3: null, amount: 1100 },
        ],
        source: ['S320', 'S95'],
        basis: 'flows',
        reported: [],
      });
      // The 2016 flow was published on 2 March 2018: the latest year then, not before.
      expect((await h.get('/api/v1/funding?asOf=2018-03-02')).json()).toMatchObject({ year: 2016, total: 5 });
      expect((await h.get('/api/v1/funding?asOf=2018-03-01&recipient=khm&donor=usa')).json()).toMatchObject({
        total: 300_000,
        recipients: [{ iso3: 'KHM', amount: 300_000 }],
      });
      expect((await h.get('/api/v1/funding?asOf=2018-03-01&year=2015&recipient=global')).json()).toMatchObject({
        total: 1100,
      });
      const years = (await h.get('/api/v1/funding/years?asOf=2018-03-02')).json<{ year: number }[]>();
      expect(years.map((y) => y.year)).toEqual([2015, 2016]);
    });

    it('names a bad query', async () => {
      const recipient = expectProblem(await h.get('/api/v1/funding?recipient=XYZ'), 400);
      expect(recipient.errors?.[0]?.field).toBe('query.recipient');
      const date = expectProblem(await h.get('/api/v1/funding?asOf=2018-02-30'), 400);
      expect(date.errors?.[0]?.field).toContain('asOf');
    });

    it('imports an IATI file all or nothing, and a re-import changes nothing', async () => {
      const editor = await h.signIn('admin');
      const malformed = expectProblem(
        await upload(`source=S101&${RATES}`, '<iati-activities version="2.03">', editor),
        422,
      );
      expect(malformed.errors?.[0]?.expected).toBe('well-formed XML');
      const noRate = expectProblem(await upload('source=S101', SAMPLE, editor), 422);
      expect(noRate.errors?.map((e) => e.expected).join(' ')).toContain('exchange rate for EUR in 2022');
      expectProblem(await upload(`source=S9999&${RATES}`, SAMPLE, editor), 422);
      const before = (await h.get('/api/v1/funding/flows')).json<unknown[]>().length;

      const first = await upload(`source=S101&${RATES}&asOf=2025-06-30`, SAMPLE, editor);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        read: { activities: 4, kept: 3, transactions: 4, otherTypes: { '1': 1, '4': 1 } },
        written: { activities: 3, added: 3, unchanged: 0, flowsAdded: 5 },
      });
      const again = await upload(`source=S101&${RATES}&asOf=2025-06-30`, SAMPLE, editor);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ written: { unchanged: 3, added: 0, flowsAdded: 0 } });
      expect((await h.get('/api/v1/funding/flows')).json<unknown[]>()).toHaveLength(before + 5);

      const answer = (await h.get('/api/v1/funding?asOf=2025-06-30&year=2023')).json<{
        total: number;
        bySector: { sector: string }[];
      }>();
      // 400,000 EUR at 1.0813 + 600,000 US$ (60 % of 1,000,000) + 250,000 US$.
      expect(answer.total).toBe(432_520 + 600_000 + 250_000);
      expect(answer.bySector.map((s) => s.sector)).toEqual(['clearance-risk-education', 'victim-assistance']);
      const commitments = (await h.get('/api/v1/funding?asOf=2025-06-30&year=2022&type=commitment')).json<{
        total: number;
      }>();
      expect(commitments.total).toBe(1_053_000);
    });

    it('needs stated in an extension request against the support received, per year', async () => {
      const editor = await h.signIn('admin');
      const request = await h.post(
        '/api/v1/states/SEN/article5/requests',
        {
          submitted: '2025-03-31',
          requestedDeadline: '2036-03-01',
          remainingAreaM2: 8_500,
          budgetUsd: 1_000_000,
          workPlan: [
            { year: 2026, plannedReleaseM2: 4_000 },
            { year: 2027, plannedReleaseM2: 4_500 },
          ],
          sourceId: 'S210',
        },
        editor,
      );
      expect(request.statusCode).toBe(201);
      const flows = [
        flow({ recipient: 'SEN', year: 2026, amount: 300_000, published: '2026-06-01' }),
        flow({
          donor: { id: 'SEN', name: 'Senegal', kind: 'state' },
          recipient: 'SEN',
          funding: 'national',
          year: 2026,
          amount: 100_000,
          published: '2026-06-01',
        }),
      ];
      expect((await h.post('/api/v1/funding/flows', { asOf: '2026-11-30', flows }, editor)).statusCode).toBe(201);
      const answer = (await h.get('/api/v1/funding/needs?asOf=2026-11-30&iso3=sen')).json<{
        rows: Record<string, unknown>[];
      }>();
      expect(answer.rows).toMatchObject([
        {
          iso3: 'SEN',
          year: 2026,
          need: 470_588.24,
          received: 300_000,
          national: 100_000,
          gap: 70_588.24,
          coverage: 0.85,
        },
        { iso3: 'SEN', year: 2027, need: 529_411.76, received: 0, national: 0, coverage: 0 },
      ]);
      const before = (await h.get('/api/v1/funding/needs?asOf=2026-05-31&iso3=SEN')).json<{
        rows: { received: number }[];
      }>();
      expect(before.rows.map((r) => r.received)).toEqual([0, 0]);
      expect((await h.get('/api/v1/funding/needs?asOf=2025-03-30')).json()).toEqual({ asOf: '2025-03-30', rows: [] });
      expectProblem(await h.get('/api/v1/funding/needs?iso3=XYZ'), 400);
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await h.get('/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/funding',
          '/api/v1/funding/years',
          '/api/v1/funding/flows',
          '/api/v1/funding/iati',
          '/api/v1/funding/needs',
        ]),
      );
    });
  });
});
