/**
 * The figures of one indicator arranged for the Figures page: every edition a source published,
 * which one was known on the chosen date, and the lines of the chart. Where editions disagree on
 * a period, each edition is its own line; where they never do, one line carries them all.
 * Plain data in, plain data out (no React, no ECharts).
 */
import type { ReportedFigure } from './api';
import { formatDate } from './dates';
import { editionName } from './figure-words';
import { t } from './i18n';

/**
 * A figure on the chosen date: `known` is the one the server gives as known (the latest edition
 * published on or before the date); `replaced` was published by then but a later edition revised
 * it; `not-yet` was published after the date; `undated` has no publication date, so it is never known.
 */
export type FigureStatus = 'known' | 'replaced' | 'not-yet' | 'undated';

export interface FigurePoint {
  /** Unique among the indicator's figures (for React keys). */
  key: string;
  figure: ReportedFigure;
  status: FigureStatus;
  /** The id of the chart line it is drawn on. */
  series: string;
}

export interface FigureLine {
  id: string;
  /** For the legend: "Landmine Monitor 2017", "S00 (1 Mar 2018)", "Reported figures". */
  name: string;
  points: FigurePoint[];
}

export interface FigureView {
  /** Every figure, by period, then by publication date. */
  points: FigurePoint[];
  lines: FigureLine[];
  /** True when each edition has its own line (some period has figures that differ). */
  byEdition: boolean;
  /** The periods on which editions give different values. */
  disputed: string[];
  periods: string[];
}

/** Identifies a figure across the two endpoints (editions and known-on-a-date). */
export function figureIdentity(f: ReportedFigure): string {
  return [f.id, f.scope, f.period, f.source.id, f.edition ?? '', f.value, f.qualifier, f.unit].join('|');
}

/** The first day a period covers, where the chart places it: "2016" -> "2016-01-01". */
export function periodStart(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return period;
}

const byPeriodThenPublished = (a: ReportedFigure, b: ReportedFigure): number =>
  periodStart(a.period).localeCompare(periodStart(b.period)) ||
  a.period.localeCompare(b.period) ||
  (a.source.published ?? '9999').localeCompare(b.source.published ?? '9999') ||
  // On the same day the edition itself comes before a document quoting it (the edition rule).
  Number(a.source.citedDocument !== null) - Number(b.source.citedDocument !== null) ||
  a.source.id.localeCompare(b.source.id, 'en', { numeric: true });

function statusOn(figure: ReportedFigure, known: ReadonlySet<string>, asOf: string): FigureStatus {
  if (known.has(figureIdentity(figure))) return 'known';
  const published = figure.source.published;
  if (published === null) return 'undated';
  return published > asOf ? 'not-yet' : 'replaced';
}

/** The name of the line for one edition, or for a source that names no edition. */
function editionLineName(figure: ReportedFigure): string {
  if (figure.edition !== null) return editionName(figure.edition);
  const published = figure.source.published;
  return published === null
    ? figure.source.id
    : t('web:figureWords.lineSourceDate', { source: figure.source.id, date: formatDate(published, true) });
}

const scopeWords = (scope: string): string =>
  scope === 'global' ? t('web:figureWords.world') : scope.split(';').join(', ');

/**
 * Arranges one indicator's figures (from GET /figures/editions) with those known on `asOf`
 * (from GET /figures?asOf=).
 */
export function figureView(
  editions: readonly ReportedFigure[],
  knownOnDate: readonly ReportedFigure[],
  asOf: string,
): FigureView {
  const known = new Set(knownOnDate.map(figureIdentity));
  const sorted = [...editions].sort(byPeriodThenPublished);
  const scopes = [...new Set(sorted.map((f) => f.scope))];
  const manyScopes = scopes.length > 1;

  const valuesByPeriod = new Map<string, Set<number>>();
  for (const f of sorted) {
    const key = `${f.scope}|${f.period}`;
    valuesByPeriod.set(key, (valuesByPeriod.get(key) ?? new Set()).add(f.value));
  }
  const disputed = [
    ...new Set(
      sorted.filter((f) => (valuesByPeriod.get(`${f.scope}|${f.period}`)?.size ?? 0) > 1).map((f) => f.period),
    ),
  ];
  const byEdition = disputed.length > 0;

  // A line per edition (or per source naming none); split by source should one edition give a period twice.
  const lineOf = (f: ReportedFigure, splitBySource: boolean): { id: string; name: string } => {
    const scopePart = manyScopes ? `${f.scope}|` : '';
    const named = (name: string): string =>
      manyScopes ? t('web:figureWords.lineScope', { name, scope: scopeWords(f.scope) }) : name;
    if (!byEdition) return { id: `${scopePart}all`, name: named(t('web:figureWords.reportedFigures')) };
    const edition = f.edition ?? `source:${f.source.id}`;
    if (splitBySource && f.edition !== null)
      return {
        id: `${scopePart}${edition}|${f.source.id}`,
        name: named(t('web:figureWords.lineSource', { name: editionLineName(f), source: f.source.id })),
      };
    return { id: `${scopePart}${edition}`, name: named(editionLineName(f)) };
  };
  const periodsSeen = new Map<string, Set<string>>();
  const repeated = new Set<string>();
  for (const f of sorted) {
    const line = lineOf(f, false).id;
    const seen = periodsSeen.get(line) ?? new Set<string>();
    if (seen.has(f.period)) repeated.add(line);
    periodsSeen.set(line, seen.add(f.period));
  }

  const lines = new Map<string, FigureLine>();
  const used = new Map<string, number>();
  const points = sorted.map((figure): FigurePoint => {
    const { id, name } = lineOf(figure, repeated.has(lineOf(figure, false).id));
    const identity = figureIdentity(figure);
    const n = used.get(identity) ?? 0;
    used.set(identity, n + 1);
    const point: FigurePoint = {
      key: n === 0 ? identity : `${identity}#${n}`,
      figure,
      status: statusOn(figure, known, asOf),
      series: id,
    };
    const line = lines.get(id) ?? { id, name, points: [] };
    line.points.push(point);
    lines.set(id, line);
    return point;
  });

  // Lines in the order their sources were published, so the legend reads from the oldest edition.
  const firstPublished = (line: FigureLine): string =>
    line.points.map((p) => p.figure.source.published ?? '9999').sort()[0] ?? '9999';
  const ordered = [...lines.values()].sort(
    (a, b) => firstPublished(a).localeCompare(firstPublished(b)) || a.name.localeCompare(b.name, 'en'),
  );

  return { points, lines: ordered, byEdition, disputed, periods: [...new Set(sorted.map((f) => f.period))] };
}
