/**
 * Rows of the reported-figure files (data/reported_figures_icrc_2018.csv, casualties_by_year.csv,
 * funding_by_year.csv, article4_global.csv) into ReportedFigure records. Pure: rows in, figures
 * and problems out; every problem names file, line, column and what was expected.
 */
import type { CsvRow } from '../core/csv.js';
import type { DataProblem } from '../core/errors.js';
import { type PartialDate, parsePartialDate, partialDateProblem } from '../core/partial-date.js';
import { QUALIFIERS, type Qualifier, type SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import { publicationDay } from './editions.js';
import type { ReportedFigure } from './model.js';

export const ICRC_FIGURE_COLUMNS = [
  'indicator',
  'scope',
  'period',
  'value',
  'qualifier',
  'unit',
  'cited_source',
  'cited_page',
  'notes',
];
export const CASUALTY_COLUMNS = [
  'year',
  'casualties',
  'killed',
  'injured',
  'unknown_status',
  'qualifier',
  'edition',
  'notes',
  'sources',
];
export const FUNDING_COLUMNS = [
  'year',
  'international_usd_m',
  'national_usd_m',
  'total_usd_m',
  'donors',
  'clearance_risk_education_pct',
  'victim_assistance_usd_m',
  'victim_assistance_pct',
  'stockpile_destruction_pct',
  'edition',
  'notes',
  'sources',
];
export const ARTICLE4_GLOBAL_COLUMNS = ['as_of', 'metric', 'value', 'qualifier', 'notes', 'sources'];
export const EDITION_COLUMNS = ['edition', 'title', 'published', 'sources', 'notes'];

/**
 * A document figures come from (data/editions.csv): a Landmine Monitor edition with its launch day,
 * or a document the ICRC fact sheet cites. `published` is null where no source gives its date.
 */
export interface Edition {
  label: string;
  title: string;
  published: PartialDate | null;
}

/** Editions by label (`LM2017`) and by title (`Landmine Monitor 2017`, as cited documents name them). */
export interface Editions {
  byLabel: ReadonlyMap<string, Edition>;
  byTitle: ReadonlyMap<string, Edition>;
}

export function editionsFromRows(
  rows: readonly CsvRow[],
  sources: ReadonlyMap<SourceId, Source>,
): { editions: Editions; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const byLabel = new Map<string, Edition>();
  const byTitle = new Map<string, Edition>();
  for (const row of rows) {
    const label = row.get('edition').trim();
    const title = row.get('title').trim();
    const text = row.get('published').trim();
    const dateProblem = text === '' ? null : partialDateProblem(text);
    if (label === '') problems.push(row.problem('edition', 'a label such as LM2017'));
    else if (byLabel.has(label))
      problems.push(row.problem('edition', `one row per edition (${label} is listed twice)`));
    if (title === '') problems.push(row.problem('title', 'the title documents cite it by'));
    if (dateProblem !== null) problems.push(row.problem('published', dateProblem));
    const ids = row
      .get('sources')
      .split(';')
      .map((id) => id.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !sources.has(id));
    if (unknown.length > 0)
      problems.push(row.problem('sources', `source ids listed in data/sources.csv (unknown: ${unknown.join(', ')})`));
    if (text !== '' && ids.length === 0) problems.push(row.problem('sources', 'the source that gives this day'));
    const edition = { label, title, published: text === '' || dateProblem !== null ? null : parsePartialDate(text) };
    byLabel.set(label, edition);
    byTitle.set(title, edition);
  }
  return { editions: { byLabel, byTitle }, problems };
}

/** The ICRC fact sheet of March 2018 (data/SOURCES.md): every figure of its file comes from it. */
export const ICRC_FACT_SHEET: SourceId = 'S00';

/** Words the sources use for a qualifier, and the one minefree keeps. */
const QUALIFIER_WORDS: Record<string, Qualifier> = {
  '': 'exact',
  exact: 'exact',
  about: 'about',
  approximately: 'about',
  around: 'about',
  'more than': 'more than',
  over: 'more than',
  'at least': 'at least',
  almost: 'almost',
};

/** Funding columns (millions of US$ or per cent) and the indicator each becomes. */
const FUNDING_INDICATORS: readonly { column: string; indicator: string; unit: string; scale: number }[] = [
  { column: 'international_usd_m', indicator: 'international_support_usd', unit: 'USD', scale: 1e6 },
  { column: 'national_usd_m', indicator: 'national_support_usd', unit: 'USD', scale: 1e6 },
  { column: 'total_usd_m', indicator: 'total_support_usd', unit: 'USD', scale: 1e6 },
  {
    column: 'victim_assistance_usd_m',
    indicator: 'international_support_victim_assistance_usd',
    unit: 'USD',
    scale: 1e6,
  },
  {
    column: 'clearance_risk_education_pct',
    indicator: 'international_support_share_clearance_risk_education',
    unit: 'percent',
    scale: 1,
  },
  {
    column: 'victim_assistance_pct',
    indicator: 'international_support_share_victim_assistance',
    unit: 'percent',
    scale: 1,
  },
  {
    column: 'stockpile_destruction_pct',
    indicator: 'international_support_share_stockpile_destruction',
    unit: 'percent',
    scale: 1,
  },
  { column: 'donors', indicator: 'donors', unit: 'donors', scale: 1 },
];

/** article4_global.csv names the same measure as the fact sheet under another name. */
const ARTICLE4_ALIASES: Record<string, string> = {
  stockpiled_mines_destroyed_total: 'stockpiled_mines_destroyed_since_1997',
};

export interface FigureRows {
  figures: ReportedFigure[];
  problems: DataProblem[];
}

class FigureReader {
  readonly figures: ReportedFigure[] = [];
  readonly problems: DataProblem[] = [];
  constructor(
    private readonly sources: ReadonlyMap<SourceId, Source>,
    private readonly editions: Editions,
  ) {}

  /**
   * The day the edition a figure came from was published (`LM2020/LM2021`: the first of them), or
   * null when data/editions.csv knows no day for it. A label it does not list is a problem.
   */
  editionDay(row: CsvRow, field: string): ReportedFigure['published'] {
    const labels = row
      .get(field)
      .split('/')
      .map((l) => l.trim())
      .filter(Boolean);
    const editions: Edition[] = [];
    for (const label of labels) {
      const edition = this.editions.byLabel.get(label);
      if (edition === undefined)
        this.problems.push(row.problem(field, `an edition listed in data/editions.csv (not ${label})`));
      else editions.push(edition);
    }
    const first = editions.sort((a, b) => a.label.localeCompare(b.label))[0];
    return first?.published ? publicationDay(first.published) : null;
  }

  qualifier(row: CsvRow, field: string): Qualifier | null {
    const word = row.get(field).trim().toLowerCase();
    const qualifier = QUALIFIER_WORDS[word];
    if (qualifier === undefined)
      this.problems.push(row.problem(field, `a qualifier: ${QUALIFIERS.join(', ')} (or approximately, around, over)`));
    return qualifier ?? null;
  }

  /** A number; `24+` reads as "more than 24". Empty gives null. */
  number(row: CsvRow, field: string): { value: number; atLeast: boolean } | null {
    const text = row.get(field).trim();
    if (text === '') return null;
    const match = /^(\d+(?:\.\d+)?)(\+?)$/.exec(text);
    if (!match) {
      this.problems.push(
        row.problem(field, 'a number written with digits and an optional decimal point (for example 340.1)'),
      );
      return null;
    }
    const value = Number(match[1]);
    if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) {
      this.problems.push(row.problem(field, 'a number small enough to be counted exactly'));
      return null;
    }
    return { value, atLeast: match[2] === '+' };
  }

  period(row: CsvRow, field: string): string | null {
    const text = row.get(field);
    const problem = partialDateProblem(text);
    if (problem !== null) this.problems.push(row.problem(field, problem));
    return problem === null ? text : null;
  }

  /**
   * The source of a figure and the day it became public: the day of the edition it came from where
   * that is known (a later document quoting it does not make it newer), else the earliest-published
   * of the sources listed.
   */
  source(
    row: CsvRow,
    field: string,
    editionField?: string,
  ): { id: SourceId; published: ReportedFigure['published'] } | null {
    const origin = editionField === undefined ? null : this.editionDay(row, editionField);
    const quoted = this.quotingSource(row, field);
    if (quoted === null) return null;
    if (origin !== null && quoted.published !== null && origin > quoted.published)
      this.problems.push(
        row.problem(
          field,
          `sources published on or after the edition they quote (${origin}), not on ${quoted.published}`,
        ),
      );
    return origin === null ? quoted : { id: quoted.id, published: origin };
  }

  /** The earliest-published of the sources listed. */
  private quotingSource(row: CsvRow, field: string): { id: SourceId; published: ReportedFigure['published'] } | null {
    const ids = row
      .get(field)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) {
      this.problems.push(
        row.problem(field, 'at least one source id from data/sources.csv (a figure without a source is not kept)'),
      );
      return null;
    }
    const known = ids.map((id) => this.sources.get(id));
    const missing = ids.filter((_, i) => known[i] === undefined);
    if (missing.length > 0) {
      this.problems.push(row.problem(field, `source ids listed in data/sources.csv (unknown: ${missing.join(', ')})`));
      return null;
    }
    const dated = known.flatMap((s) => (s?.published ? [{ id: s.id, day: publicationDay(s.published) }] : []));
    dated.sort((a, b) => a.day.localeCompare(b.day));
    const first = dated[0];
    return first ? { id: first.id, published: first.day } : { id: ids[0] ?? '', published: null };
  }
}

export function icrcFiguresFromRows(
  rows: readonly CsvRow[],
  sources: ReadonlyMap<SourceId, Source>,
  editions: Editions,
): FigureRows {
  const reader = new FigureReader(sources, editions);
  const s00 = sources.get(ICRC_FACT_SHEET);
  const first = rows[0];
  if (!s00 && first)
    reader.problems.push({
      ...first.problem('indicator', `source ${ICRC_FACT_SHEET} (the ICRC fact sheet) listed in data/sources.csv`),
      column: null,
      field: null,
      found: null,
    });
  const factSheetDay = s00?.published ? publicationDay(s00.published) : null;
  for (const row of rows) {
    const period = reader.period(row, 'period');
    const value = reader.number(row, 'value');
    const qualifier = reader.qualifier(row, 'qualifier');
    const cited = row.get('cited_source').trim();
    const origin = cited === '' ? undefined : editions.byTitle.get(cited);
    if (origin === undefined && cited !== '')
      reader.problems.push(
        row.problem('cited_source', `a document listed by its title in data/editions.csv (not "${cited}")`),
      );
    if (period === null || value === null || qualifier === null) continue;
    // A figure the fact sheet quotes from an earlier document was public from that document's day.
    const published = origin?.published ? publicationDay(origin.published) : factSheetDay;
    reader.figures.push({
      indicator: row.get('indicator'),
      scope: row.get('scope'),
      period,
      value: value.value,
      qualifier,
      unit: row.get('unit'),
      source: ICRC_FACT_SHEET,
      citedDocument: row.get('cited_source') || null,
      citedPage: row.get('cited_page') || null,
      edition: null,
      published,
      notes: row.get('notes'),
    });
  }
  return reader;
}

export function casualtyFiguresFromRows(
  rows: readonly CsvRow[],
  sources: ReadonlyMap<SourceId, Source>,
  editions: Editions,
): FigureRows {
  const reader = new FigureReader(sources, editions);
  for (const row of rows) {
    const period = reader.period(row, 'year');
    const value = reader.number(row, 'casualties');
    const qualifier = reader.qualifier(row, 'qualifier');
    const source = row.get('sources') === '' ? null : reader.source(row, 'sources', 'edition');
    // A figure with no source is left out (the 2014 first edition row): it cannot be traced.
    if (period === null || value === null || qualifier === null || source === null) continue;
    reader.figures.push({
      indicator: 'casualties_mines_erw',
      scope: 'global',
      period,
      value: value.value,
      qualifier,
      unit: 'casualties',
      source: source.id,
      citedDocument: null,
      citedPage: null,
      edition: row.get('edition') || null,
      published: source.published,
      notes: row.get('notes'),
    });
  }
  return reader;
}

export function fundingFiguresFromRows(
  rows: readonly CsvRow[],
  sources: ReadonlyMap<SourceId, Source>,
  editions: Editions,
): FigureRows {
  const reader = new FigureReader(sources, editions);
  for (const row of rows) {
    const period = reader.period(row, 'year');
    const source = reader.source(row, 'sources', 'edition');
    if (period === null || source === null) continue;
    for (const { column, indicator, unit, scale } of FUNDING_INDICATORS) {
      const value = reader.number(row, column);
      if (value === null) continue;
      reader.figures.push({
        indicator,
        scope: 'global',
        period,
        value: Math.round(value.value * scale * 100) / 100,
        qualifier: value.atLeast ? 'more than' : 'exact',
        unit,
        source: source.id,
        citedDocument: null,
        citedPage: null,
        edition: row.get('edition') || null,
        published: source.published,
        notes: row.get('notes'),
      });
    }
  }
  return reader;
}

export function article4GlobalFiguresFromRows(
  rows: readonly CsvRow[],
  sources: ReadonlyMap<SourceId, Source>,
  editions: Editions,
): FigureRows {
  const reader = new FigureReader(sources, editions);
  for (const row of rows) {
    const period = reader.period(row, 'as_of');
    const value = reader.number(row, 'value');
    const qualifier = reader.qualifier(row, 'qualifier');
    const source = reader.source(row, 'sources');
    if (period === null || value === null || qualifier === null || source === null) continue;
    const metric = row.get('metric');
    reader.figures.push({
      indicator: ARTICLE4_ALIASES[metric] ?? metric,
      scope: 'global',
      period,
      value: value.value,
      qualifier,
      unit: metric.startsWith('states') ? 'states' : 'mines',
      source: source.id,
      citedDocument: null,
      citedPage: null,
      edition: null,
      published: source.published,
      notes: row.get('notes'),
    });
  }
  return reader;
}
