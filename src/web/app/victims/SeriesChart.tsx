import { type SeriesYearJson } from '../api';
import { ChartTable } from '../components/ChartTable';
import { formatList, formatNumber, useT } from '../i18n';
import { editionName, qualifiedAmount } from '../figure-words';

const PUBLISHED_COLOUR = '#0072b2';
const RECORDED_COLOUR = '#d55e00';

/**
 * Per year, the published total (latest edition by the date) and the total of the records kept
 * here as two bars, drawn in HTML; a withheld recorded total is said in words. The table under
 * it gives every edition and the difference.
 */
export function SeriesChart({
  series,
  label,
  caption,
  testId,
}: {
  series: readonly SeriesYearJson[];
  label: string;
  caption: string;
  testId: string;
}) {
  const t = useT();
  const withheld = t('web:victims.withheld');
  const none = t('web:victims.series.none');
  // "Landmine Monitor 2018 (S75)", or the source alone when the data names no edition.
  const editionLabel = (e: SeriesYearJson['editions'][number]): string =>
    e.edition === null
      ? e.source
      : t('web:victims.series.editionSource', { edition: editionName(e.edition), source: e.source });
  const max = Math.max(1, ...series.flatMap((y) => [y.published?.value ?? 0, y.recorded ?? 0]));
  const bar = (value: number | null, colour: string, text: string) =>
    value === null ? (
      <span className="victim-bar-withheld">{text}</span>
    ) : (
      <span className="victim-bar-track">
        <span className="victim-bar-area">
          <span className="victim-bar-fill" style={{ width: `${(100 * value) / max}%`, background: colour }} />
        </span>
        <span className="victim-bar-value">{formatNumber(value)}</span>
      </span>
    );
  return (
    <div data-testid={testId}>
      <ul className="victim-series-legend" aria-hidden="true">
        <li>
          <span className="swatch" style={{ background: PUBLISHED_COLOUR }} />
          {t('web:victims.series.published')}
        </li>
        <li>
          <span className="swatch" style={{ background: RECORDED_COLOUR }} />
          {t('web:victims.series.recorded')}
        </li>
      </ul>
      <div className="victim-series" role="img" aria-label={label}>
        {series.map((y) => (
          <div className="victim-series-year" key={y.year} aria-hidden="true">
            <span className="victim-series-label">{y.year}</span>
            <span className="victim-series-bars">
              {bar(y.published?.value ?? null, PUBLISHED_COLOUR, none)}
              {bar(y.recorded, RECORDED_COLOUR, y.suppressed ? withheld : none)}
            </span>
          </div>
        ))}
      </div>
      <ChartTable
        caption={caption}
        columns={[
          t('web:victims.years.year'),
          t('web:victims.series.published'),
          t('web:victims.series.editions'),
          t('web:victims.series.recorded'),
          t('web:victims.series.difference'),
        ]}
        rows={series.map((y) => [
          String(y.year),
          y.published === null ? none : qualifiedAmount(y.published.qualifier, y.published.value),
          y.editions.length === 0
            ? none
            : formatList(
                y.editions.map((e) =>
                  t('web:victims.series.editionValue', {
                    value: qualifiedAmount(e.qualifier, e.value),
                    edition: editionLabel(e),
                  }),
                ),
              ),
          y.recorded === null ? (y.suppressed ? withheld : none) : formatNumber(y.recorded),
          y.difference === null ? none : formatNumber(y.difference, { signDisplay: 'exceptZero' }),
        ])}
      />
    </div>
  );
}
