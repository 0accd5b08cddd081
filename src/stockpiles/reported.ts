/**
 * Which published global total of stockpiled mines destroyed stands beside the ledger's own sum on a
 * date (README, "The reported total"). No I/O here.
 *
 * The total is cumulative (mines destroyed since the Convention), so a true count never falls. When
 * a later publication gives a lower total than an earlier one (the ISU's "more than 51 million" in
 * June 2018 after the Monitor's "more than 53 million" in 2017), the two count differently (which
 * States, which mines), and the lower one is not news that mines were un-destroyed. The rule:
 * among the global totals published on or before the date, the largest value; between equal values,
 * the latest publication (the most recent source to confirm it), then the latest period.
 */
import type { CalendarDate } from '../core/date.js';
import { type PartialDate, latestDay, partialDateProblem } from '../core/partial-date.js';
import type { Qualifier, SourceId } from '../core/source.js';

/** A published global total, as the transparency pillar holds it. */
export interface PublishedTotal {
  value: number;
  qualifier: Qualifier;
  source: SourceId;
  /** What the total is about: `2017`, `2017-12`, `2018-06-01`. */
  period: string;
  /** The day it became public; null when the source is undated (then it is never used). */
  published: CalendarDate | null;
}

export interface ChosenTotal {
  value: number;
  qualifier: Qualifier;
  source: SourceId;
  period: string;
  published: CalendarDate;
}

const periodEnd = (period: string): string =>
  partialDateProblem(period) === null ? latestDay(period as PartialDate) : period;

/** The reported total to show on `asOf` (the rule above), or null when none was published by then. */
export function reportedTotalOn(totals: readonly PublishedTotal[], asOf: CalendarDate): ChosenTotal | null {
  let best: ChosenTotal | null = null;
  for (const f of totals) {
    if (f.published === null || f.published > asOf) continue;
    const candidate: ChosenTotal = { ...f, published: f.published };
    if (
      best === null ||
      f.value > best.value ||
      (f.value === best.value &&
        (f.published > best.published ||
          (f.published === best.published && periodEnd(f.period) > periodEnd(best.period))))
    ) {
      best = candidate;
    }
  }
  return best;
}
