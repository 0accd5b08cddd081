/**
 * The success answers of every API route, for the OpenAPI document (documentation only: the
 * kit's `openApiCompleter` adds them after the routes are compiled, so they change no answer).
 * `test/api/openapi.test.ts` checks every JSON answer of the API against these schemas.
 * Where an answer is large, the schema names its members and their types, and leaves the rest open.
 */
import type { Answer, Answers, JsonSchema } from '../http/openapi.js';

const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const num: JsonSchema = { type: 'number' };
const int: JsonSchema = { type: 'integer' };
const bool: JsonSchema = { type: 'boolean' };
const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const arr = (items: JsonSchema, description?: string): JsonSchema => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
  ...(description ? { description } : {}),
});
const anyObject = (description: string): JsonSchema => ({ type: 'object', description });

const day = str('A calendar date, YYYY-MM-DD');
const partialDay = str('A date known to the year (YYYY), month (YYYY-MM) or day (YYYY-MM-DD)');
const iso3 = str('ISO 3166-1 alpha-3 code of a State');
const sourceIds = arr(str('A source id (GET /api/v1/sources/{id})'));
const deadlineState = { type: 'string', enum: ['met', 'missed', 'open', 'unknown'] };
/** Article 4 adds `no-stockpile` (the State declared it held none). */
const article4State = { type: 'string', enum: ['no-stockpile', 'met', 'missed', 'open', 'unknown'] };

const planIndicator = obj(
  {
    id: str(),
    text: str(),
    value: orNull(num),
    unit: orNull({ type: 'string', enum: ['share', 'states'] }),
    computable: bool,
    source: sourceIds,
    why: orNull(str('Why the indicator is not computable on the date')),
    of: orNull(obj({ count: int, total: int })),
    period: orNull(str()),
  },
  'An indicator: value null and why given when it is not computable',
);

const json = (status: Answer['status'], description: string, schema: JsonSchema): Answer[] => [
  { status, description, content: { 'application/json': schema } },
];

const source = obj({ id: str(), title: str(), url: orNull(str()), published: orNull(partialDay) }, 'A source');
/** A source's "None" is written out; null (where allowed) means no source read states it. */
const coordination = {
  anyOf: [
    obj(
      { type: { type: 'string', enum: ['victim-assistance', 'disability'] }, since: orNull(partialDay) },
      'A mechanism',
    ),
    obj({ type: { const: 'none' }, since: { type: 'null' } }, 'A source states there was no coordination mechanism'),
  ],
};
const planStated = {
  anyOf: [
    obj({ title: str(), from: orNull(partialDay), to: orNull(partialDay) }, 'A national plan'),
    obj(
      { title: { type: 'null' }, from: { type: 'null' }, to: { type: 'null' } },
      'A source states there was no national plan',
    ),
  ],
};
const planState = { type: 'string', enum: ['in-force', 'expired', 'none'] };
const planOnDate = {
  anyOf: [
    obj({ title: str(), from: orNull(partialDay), to: orNull(partialDay), state: planState }, 'A national plan'),
    obj(
      { title: { type: 'null' }, from: { type: 'null' }, to: { type: 'null' }, state: { const: 'none' } },
      'A source states there was no national plan',
    ),
  ],
};
const breakdownCell = obj({ key: str(), count: orNull(int), suppressed: bool });
const publishedTotal = obj({
  value: num,
  qualifier: str(),
  edition: orNull(str()),
  source: str('A source id (GET /api/v1/sources/{id})'),
  published: day,
});
const seriesYear = obj({
  year: int,
  published: orNull(publishedTotal),
  editions: arr(publishedTotal),
  recorded: orNull(int),
  suppressed: bool,
  difference: orNull(int),
});
const user = obj({ email: str(), name: str(), role: str(), state: orNull(iso3) });
const session = obj({ user, csrfToken: str('Send it as the x-csrf-token header of every write') });

const extension = {
  type: 'object',
  required: ['granted', 'deadline', 'sources'],
  properties: { granted: orNull(partialDay), deadline: orNull(partialDay), sources: sourceIds },
};

const stateOnDate = obj(
  {
    iso3,
    name: str(),
    status: { type: 'string', enum: ['state-party', 'signatory', 'not-party', 'withdrawn'] },
    inForce: bool,
    signed: orNull(day),
    consent: orNull(obj({ date: day, kind: str() })),
    entryIntoForce: orNull(day),
    withdrawal: obj({
      notified: orNull(day),
      effective: orNull(day),
      state: { type: 'string', enum: ['none', 'pending', 'effective'] },
    }),
    notices: arr({
      type: 'object',
      required: ['kind', 'date', 'sources'],
      properties: { kind: str(), date: day, sources: sourceIds },
    }),
    article4: obj({
      deadline: orNull(day),
      completed: orNull(partialDay),
      missed: orNull(bool),
      state: orNull(article4State),
    }),
    article5: obj({
      originalDeadline: orNull(day),
      extensions: arr(extension),
      currentDeadline: orNull(partialDay),
      completed: orNull(partialDay),
      reopened: orNull(partialDay),
      state: orNull(deadlineState),
    }),
    article7: obj({ initialDue: orNull(day) }),
  },
  'One State on the date: status, entry into force, Article 4, 5 and 7 deadlines',
);

const statusSummary = obj({
  asOf: day,
  statesTotal: int,
  statesParties: int,
  inForce: int,
  notParty: int,
  signatoriesNotParty: int,
  withdrawals: obj({ effective: arr(iso3), pending: arr(iso3) }),
  latestToJoin: orNull(obj({ iso3, name: str(), date: day, instrument: str() })),
});

const figure = {
  type: 'object',
  required: ['id', 'scope', 'period', 'value', 'qualifier', 'unit', 'computed', 'source'],
  properties: {
    id: str('The indicator'),
    scope: str(),
    period: str(),
    value: num,
    qualifier: str(),
    unit: str(),
    computed: bool,
    edition: orNull(str()),
    source: { type: 'object', required: ['id', 'title'], properties: { id: str(), title: str() } },
  },
  description: 'A reported figure with its source',
};

const instrument = {
  type: 'object',
  required: ['id', 'iso3', 'kind', 'deposited', 'sources'],
  properties: { id: int, iso3, kind: str(), deposited: orNull(day), sources: sourceIds },
};

const stateReports = {
  type: 'object',
  required: ['iso3', 'name', 'asOf', 'reports'],
  properties: {
    iso3,
    name: str(),
    asOf: day,
    entryIntoForce: orNull(day),
    reports: arr({
      type: 'object',
      required: ['report', 'due', 'mark'],
      properties: {
        report: {
          anyOf: [{ const: 'initial' }, int],
          description: "'initial' (Art. 7.1) or the year an annual report covers (Art. 7.2)",
        },
        due: orNull(partialDay),
        mark: str(),
      },
    }),
  },
  description: 'Article 7 reports of one State: each due, received or not',
};

const cellValue = { anyOf: [str(), num, { type: 'null' }] };
const reportPeriod = {
  anyOf: [{ const: 'initial' }, int],
  description: "'initial' (Art. 7.1) or the year an annual report covers (Art. 7.2)",
};
const reportDraft = {
  type: 'object',
  required: ['iso3', 'name', 'report', 'from', 'to', 'status', 'asOf', 'submittedOn', 'forms', 'previous', 'changes'],
  properties: {
    iso3,
    name: str(),
    report: reportPeriod,
    from: orNull(day),
    to: day,
    status: { type: 'string', enum: ['draft', 'submitted'] },
    asOf: day,
    submittedOn: orNull(day),
    forms: arr(
      obj({
        form: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] },
        columns: arr(str()),
        rows: arr(
          obj({
            key: str('Stays the same from one draft to the next'),
            cells: {
              type: 'object',
              additionalProperties: obj(
                {
                  value: cellValue,
                  origin: { type: 'string', enum: ['from-data', 'to-complete', 'edited'] },
                  records: arr(obj({ kind: str(), id: str() })),
                  sources: sourceIds,
                  why: orNull(str('A catalogue key saying why the data cannot fill the cell')),
                  drafted: cellValue,
                },
                'A cell: from the records, to complete, or edited',
              ),
            },
          }),
        ),
        changed: orNull(bool),
      }),
    ),
    previous: { anyOf: [reportPeriod, { type: 'null' }] },
    changes: arr(obj({ form: str(), row: str(), column: str(), before: cellValue, after: cellValue })),
  },
  description: 'A draft of Forms A–J, or the report as submitted (frozen)',
};

const written = (description: string): Answer[] => json(201, description, anyObject(description));

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every documented route's success answers, by `METHOD path`. */
export const ANSWERS: Answers = {
  'POST /api/v1/session': json(200, 'Signed in: the account and the CSRF token (a session cookie is set)', session),
  'GET /api/v1/session': json(200, 'Who is signed in, and the CSRF token', session),
  'DELETE /api/v1/session': [{ status: 204, description: 'Signed out' }],

  'GET /api/v1/sources': json(200, 'Every source', arr(source)),
  'POST /api/v1/sources': json(201, 'The source as stored', source),
  'GET /api/v1/sources/{id}': json(200, 'One source', source),

  'GET /api/v1/status': json(200, 'Counts of States Parties, signatories and withdrawals on the date', statusSummary),
  'GET /api/v1/status/history': json(
    200,
    'Counts on each date one changed',
    arr(obj({ date: day, statesParties: int, inForce: int, withdrawn: int })),
  ),
  'GET /api/v1/states': json(200, 'All 197 States on the date', arr(stateOnDate)),
  'GET /api/v1/states/{iso3}': json(200, 'One State on the date', stateOnDate),
  'GET /api/v1/states/{iso3}/record': json(200, "The State's stored treaty records with their sources", {
    type: 'object',
    required: ['iso3', 'name', 'instruments', 'article4', 'article5', 'sources'],
    properties: {
      iso3,
      name: str(),
      instruments: arr({ type: 'object' }),
      article4: orNull({ type: 'object' }),
      article5: orNull({ type: 'object' }),
      sources: arr(source),
    },
  }),
  'GET /api/v1/states/{iso3}/instruments': json(200, "The State's instruments", arr(instrument)),
  'POST /api/v1/states/{iso3}/instruments': json(201, 'The instrument as stored', instrument),
  'GET /api/v1/deadlines/{article}': json(
    200,
    'Every deadline of the article with its state on the date',
    arr({
      type: 'object',
      required: ['iso3', 'name', 'deadline', 'state'],
      properties: {
        iso3,
        name: str(),
        deadline: orNull(partialDay),
        state: article4State,
        decision: orNull({
          type: 'object',
          required: ['meeting', 'granted', 'sources'],
          properties: { meeting: orNull(str()), granted: orNull(partialDay), sources: sourceIds },
        }),
      },
    }),
  ),
  'POST /api/v1/states/{iso3}/extensions': written('The extension decision as stored'),

  'GET /api/v1/figures': json(200, 'Reported figures', arr(figure)),
  'POST /api/v1/figures': written('The figure as stored'),
  'GET /api/v1/figures/editions': json(200, 'Every edition of the figures', arr(figure)),

  'GET /api/v1/plans': json(200, 'The action plans and the one in force on the date', {
    type: 'object',
    required: ['asOf', 'inForce', 'plans'],
    properties: {
      asOf: day,
      inForce: orNull(str('The id of the plan in force; null before the first was adopted')),
      plans: arr(
        obj({
          id: str('maputo, oslo or siem-reap-angkor'),
          plan: str(),
          adopted: day,
          meeting: str(),
          period: str(),
          sources: sourceIds,
          actionsHeld: int,
        }),
      ),
    },
  }),
  'GET /api/v1/plans/{plan}': json(
    200,
    'An action plan on a date: the actions the data holds, and the indicators computed from the data',
    {
      type: 'object',
      required: ['plan', 'id', 'adopted', 'meeting', 'period', 'sources', 'asOf', 'inForce', 'actions', 'indicators'],
      properties: {
        plan: str(),
        id: str(),
        adopted: day,
        meeting: str(),
        period: str(),
        asOf: day,
        inForce: bool,
        sources: sourceIds,
        actions: arr(
          obj({
            number: orNull(str()),
            section: str(),
            text: str("Words a source printed: the plan's own (extent full or partial) or a description (described)"),
            extent: { type: 'string', enum: ['full', 'partial', 'described'] },
            notes: str(),
            sources: sourceIds,
            indicators: arr(planIndicator),
          }),
        ),
        indicators: arr(planIndicator, 'Indicators computed from the data, for the plan as a whole'),
      },
    },
  ),
  'GET /api/v1/factsheet': json(200, 'The fact sheet on the date: figures with sources, sections, endnotes', {
    type: 'object',
    required: ['asOf', 'title', 'figures', 'sections', 'endnotes'],
    properties: {
      asOf: day,
      title: str(),
      figures: arr({
        type: 'object',
        required: ['id', 'value', 'source'],
        properties: { id: str(), value: num, source: { type: 'object' } },
      }),
      sections: arr({ type: 'object' }),
      endnotes: arr({ type: 'object' }),
    },
  }),

  'GET /api/v1/stockpiles': json(200, 'Article 4 on the date: States holding stockpiles, destroyed totals', {
    type: 'object',
    required: ['asOf', 'statesParties', 'holding', 'missed', 'destroyedTotal'],
    properties: { asOf: day, statesParties: int, holding: arr(iso3), missed: arr(iso3), destroyedTotal: num },
  }),
  'GET /api/v1/stockpiles/states': json(200, 'Article 4 per State, and destructions per year', {
    type: 'object',
    required: ['asOf', 'states', 'destroyedByYear'],
    properties: {
      asOf: day,
      states: arr({
        type: 'object',
        required: ['iso3', 'name', 'state'],
        properties: { iso3, name: str(), state: orNull(str()) },
      }),
      destroyedByYear: arr(obj({ year: int, quantity: num, entries: int })),
    },
  }),
  'GET /api/v1/states/{iso3}/stockpiles': json(200, "The State's stockpile and its Article 4 state on the date", {
    type: 'object',
    required: ['iso3', 'name', 'asOf', 'state', 'destroyed', 'transferred'],
    properties: {
      iso3,
      name: str(),
      asOf: day,
      deadline: orNull(day),
      state: orNull(str()),
      destroyed: arr({ type: 'object' }),
      transferred: arr({ type: 'object' }),
    },
  }),
  'POST /api/v1/states/{iso3}/stockpiles': json(201, 'The ledger entries as stored', {
    type: ['object', 'array'],
    description: 'The ledger entries as stored',
  }),
  'GET /api/v1/states/{iso3}/stockpiles/ledger': json(200, "The State's stockpile ledger", arr({ type: 'object' })),
  'GET /api/v1/states/{iso3}/stockpiles/export': [
    {
      status: 200,
      description: "The State's stockpile ledger as a file",
      content: { [CSV]: { type: 'string' }, [XLSX]: { type: 'string', contentEncoding: 'binary' } },
    },
  ],
  'POST /api/v1/states/{iso3}/stockpiles/import': written('Counts of the ledger entries imported'),

  'GET /api/v1/states/{iso3}/clearance': json(200, 'Article 5 clearance on the date: open areas, release, forecast', {
    type: 'object',
    required: ['iso3', 'asOf', 'open', 'released', 'synthetic', 'records'],
    properties: {
      iso3,
      asOf: day,
      open: { type: 'object' },
      released: arr({ type: 'object' }),
      synthetic: bool,
      records: { type: 'object' },
    },
  }),
  'POST /api/v1/states/{iso3}/clearance': written('Counts of the records imported, with warnings and repairs'),
  'GET /api/v1/states/{iso3}/clearance/tiles/{z}/{x}/{y}': [
    {
      status: 200,
      description: 'A Mapbox vector tile of the hazard areas',
      content: { 'application/x-protobuf': { type: 'string', contentEncoding: 'binary' } },
    },
    { status: 204, description: 'No hazard area in this tile' },
  ],
  'GET /api/v1/states/{iso3}/clearance/records': [
    {
      status: 200,
      description: "The State's hazard areas as GeoJSON",
      content: {
        'application/geo+json': {
          type: 'object',
          required: ['type', 'features'],
          properties: { type: { const: 'FeatureCollection' }, features: arr({ type: 'object' }) },
        },
      },
    },
  ],
  'GET /api/v1/states/{iso3}/clearance/outline': [
    {
      status: 200,
      description: "The State's Natural Earth 1:50m boundary as a GeoJSON Feature (geometry null where there is none)",
      content: {
        'application/geo+json': {
          type: 'object',
          required: ['type', 'properties', 'geometry'],
          properties: {
            type: { const: 'Feature' },
            properties: obj({ iso3, source: str('Where the shape comes from') }),
            geometry: orNull({
              type: 'object',
              required: ['type', 'coordinates'],
              properties: { type: { const: 'MultiPolygon' }, coordinates: arr(arr(arr(arr(num)))) },
            }),
          },
        },
      },
    },
  ],
  'GET /api/v1/states/{iso3}/article5': json(200, 'Article 5 on the date: deadlines, extension requests, completion', {
    type: 'object',
    required: ['iso3', 'asOf', 'requests', 'completion'],
    properties: { iso3, asOf: day, requests: arr({ type: 'object' }), completion: { type: 'object' } },
  }),
  'POST /api/v1/states/{iso3}/article5/requests': written('The extension request as stored'),
  'POST /api/v1/states/{iso3}/article5/requests/{id}/decision': written('The decision as stored'),
  'POST /api/v1/states/{iso3}/article5/completion': written('The declaration of completion as stored'),

  'GET /api/v1/funding': json(200, 'Mine action funding of a year: totals, sectors, donors, recipients', {
    type: 'object',
    required: ['asOf', 'year', 'total', 'bySector', 'topDonors', 'recipients'],
    properties: {
      asOf: day,
      year: orNull(int),
      total: orNull(num),
      bySector: arr({ type: 'object' }),
      topDonors: arr({ type: 'object' }),
      recipients: arr({ type: 'object' }),
    },
  }),
  'GET /api/v1/funding/years': json(200, 'Funding totals per year', arr({ type: 'object' })),
  'GET /api/v1/funding/needs': json(200, 'Needs and funding per State', {
    type: 'object',
    required: ['asOf', 'rows'],
    properties: { asOf: day, rows: arr({ type: 'object' }) },
  }),
  'GET /api/v1/funding/flows': json(200, 'Funding flows', arr({ type: 'object' })),
  'POST /api/v1/funding/flows': written('The funding flows as stored'),
  'POST /api/v1/funding/iati': [
    ...json(200, 'What an IATI import would change (a dry run)', anyObject('What the import would change')),
    ...written('What the IATI import changed'),
  ],

  'GET /api/v1/reports/annual': json(
    200,
    'The counts of each 30 April, newest first',
    arr(
      obj({
        covers: int,
        due: day,
        required: int,
        onTime: int,
        late: int,
        submitted: int,
        overdue: int,
        notRecorded: int,
        shareOnTime: { anyOf: [{ type: 'number' }, { type: 'null' }] },
      }),
    ),
  ),
  'GET /api/v1/reports': json(200, 'Article 7 reports of every State, and yearly counts', {
    type: 'object',
    required: ['asOf', 'states', 'annual'],
    properties: { asOf: day, states: arr(stateReports), annual: arr({ type: 'object' }) },
  }),
  'GET /api/v1/states/{iso3}/reports': json(200, 'Article 7 reports of one State', stateReports),
  'POST /api/v1/states/{iso3}/reports': written('The report as stored'),
  'GET /api/v1/states/{iso3}/reports/{report}/draft': json(200, 'The draft of Forms A–J', reportDraft),
  'PATCH /api/v1/states/{iso3}/reports/{report}/draft': json(200, 'The draft with the edits', reportDraft),
  'POST /api/v1/states/{iso3}/reports/{report}/draft/submit': json(201, 'The report as submitted, frozen', reportDraft),
  'GET /api/v1/states/{iso3}/reports/{report}/draft.pdf': [
    {
      status: 200,
      description: 'The draft as a PDF',
      content: { 'application/pdf': { type: 'string', contentEncoding: 'binary' } },
    },
  ],
  'GET /api/v1/states/{iso3}/reports/{report}/draft.xlsx': [
    {
      status: 200,
      description: 'The draft as a workbook, one sheet per form',
      content: { [XLSX]: { type: 'string', contentEncoding: 'binary' } },
    },
  ],
  'PUT /api/v1/states/{iso3}/reports/{report}/draft.xlsx': json(
    200,
    'The draft with the workbook’s edits',
    reportDraft,
  ),

  'GET /api/v1/victims': json(200, 'Victim assistance on the date, every State with significant numbers', {
    type: 'object',
    required: ['asOf', 'states', 'counts', 'series', 'byDevice', 'synthetic'],
    properties: {
      asOf: day,
      states: arr(
        obj({
          iso3,
          coordination: orNull(bool),
          planState: orNull(planState),
          survivorParticipation: orNull(bool),
        }),
        'coordination: true (a mechanism), false (a source states none), null (not found); planState null: not found',
      ),
      counts: { type: 'object' },
      series: arr(seriesYear, 'The global published totals by edition beside the sum of every record kept here'),
      byDevice: arr(
        obj({ year: int, cells: arr(breakdownCell), total: orNull(int) }),
        'Casualties per year by device category of every record kept here (cells below 5 and their complements withheld)',
      ),
      synthetic: bool,
    },
  }),
  'GET /api/v1/states/{iso3}/victims': json(200, "The State's victim assistance on the date", {
    type: 'object',
    required: [
      'iso3',
      'asOf',
      'significantNumberOfVictims',
      'coordination',
      'plan',
      'survivorParticipation',
      'casualties',
      'series',
      'synthetic',
    ],
    properties: {
      iso3,
      asOf: day,
      significantNumberOfVictims: orNull(bool),
      coordination: orNull(coordination),
      plan: orNull(planOnDate),
      survivorParticipation: orNull(bool),
      casualties: arr({ type: 'object' }),
      series: arr(seriesYear, "The State's published totals by edition beside its recorded totals"),
      synthetic: bool,
    },
  }),
  'GET /api/v1/states/{iso3}/victims/frameworks': json(
    200,
    "Every observation of the State's framework, oldest first",
    {
      type: 'object',
      required: ['iso3', 'asOf', 'frameworks'],
      properties: {
        iso3,
        asOf: day,
        frameworks: arr(
          obj({
            iso3,
            reported: day,
            significantNumberOfVictims: orNull(bool),
            mechanism: orNull(coordination),
            plan: orNull(planStated),
            survivorParticipation: orNull(bool),
            services: { type: 'object' },
            sources: arr(source),
            notes: str(),
          }),
        ),
      },
    },
  ),
  'GET /api/v1/states/{iso3}/victims/breakdowns': json(200, 'Casualties by sex, age, status and device', {
    type: 'object',
    required: ['iso3', 'asOf', 'bySex', 'byAgeBand', 'byStatus', 'byDevice'],
    properties: {
      iso3,
      asOf: day,
      bySex: arr(breakdownCell),
      byAgeBand: arr(breakdownCell),
      byStatus: arr(breakdownCell),
      byDevice: arr(breakdownCell),
    },
  }),
  'GET /api/v1/states/{iso3}/casualties': json(200, "A page of the State's casualty records", anyObject('A page')),
  'POST /api/v1/states/{iso3}/casualties': written('The casualty records as stored'),
  'POST /api/v1/states/{iso3}/casualties/import': written('Counts of the casualty records imported'),
  'GET /api/v1/states/{iso3}/casualties/{id}/personal': json(
    200,
    "One casualty's personal details",
    anyObject('Personal details'),
  ),
  'PUT /api/v1/states/{iso3}/casualties/{id}/personal': [{ status: 204, description: 'Personal details stored' }],
};
