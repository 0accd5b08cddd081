import { type CalendarDate } from '../core/date.js';
import { type PartialDate, latestDay } from '../core/partial-date.js';
import type { ReportedFigure } from './model.js';

/**
 * The day a source counts as published. A full date is that day (a Landmine Monitor edition's
 * launch day, data/editions.csv). Where only the month or the year is known, the last day of it:
 * a figure is not known before it is published, and nothing places it earlier without guessing.
 */
export function publicationDay(published: PartialDate): CalendarDate {
  return latestDay(published);
}

const key = (f: ReportedFigure): string => `${f.indicator}|${f.scope}|${f.period}`;

/** The last day a period covers, to order periods given at different precisions. */
export function periodEnd(period: string): CalendarDate {
  return latestDay(period as PartialDate);
}

/**
 * Every figure known on `asOf`: for each indicator, scope and period, the figure of the latest
 * edition published on or before that date. Figures from undated sources are never "known".
 */
export function figuresKnownOn(figures: readonly ReportedFigure[], asOf: CalendarDate): ReportedFigure[] {
  const latest = new Map<string, ReportedFigure>();
  for (const figure of figures) {
    if (figure.published === null || figure.published > asOf) continue;
    const current = latest.get(key(figure));
    if (!current || current.published === null || current.published < figure.published) latest.set(key(figure), figure);
    // On the same day, the edition itself is cited rather than a document quoting it.
    else if (
      current.published === figure.published &&
      (figure.citedDocument === null || current.citedDocument !== null)
    )
      latest.set(key(figure), figure);
  }
  return [...latest.values()].sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      a.scope.localeCompare(b.scope) ||
      periodEnd(a.period).localeCompare(periodEnd(b.period)),
  );
}

/** The known figure for an indicator's most recent period (global scope unless given). */
export function latestFigure(
  known: readonly ReportedFigure[],
  indicator: string,
  scope = 'global',
): ReportedFigure | null {
  let best: ReportedFigure | null = null;
  for (const f of known) {
    if (f.indicator !== indicator || f.scope !== scope) continue;
    if (best === null || periodEnd(f.period) >= periodEnd(best.period)) best = f;
  }
  return best;
}

/** The known figure for one period of an indicator. */
export function figureFor(
  known: readonly ReportedFigure[],
  indicator: string,
  period: string,
  scope = 'global',
): ReportedFigure | null {
  return known.find((f) => f.indicator === indicator && f.scope === scope && f.period === period) ?? null;
}
