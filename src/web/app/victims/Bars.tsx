import { formatNumber, useT } from '../i18n';

export interface Bar {
  label: string;
  /** null: withheld (fewer than 5, or a cell that would give one away). */
  value: number | null;
}

/**
 * A horizontal bar chart drawn in HTML (no chart library to load): each bar's length against the
 * largest value, a withheld value said in words instead of drawn. The same data is in the table under it.
 */
export function Bars({ bars, label, testId }: { bars: readonly Bar[]; label: string; testId?: string }) {
  const t = useT();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <div className="victim-bars" role="img" aria-label={label} data-testid={testId}>
      {bars.map((b) => (
        <div className="victim-bar" key={b.label} aria-hidden="true">
          <span className="victim-bar-label">{b.label}</span>
          {b.value === null ? (
            <span className="victim-bar-withheld">{t('web:victims.withheld')}</span>
          ) : (
            <span className="victim-bar-track">
              <span className="victim-bar-area">
                <span className="victim-bar-fill" style={{ width: `${(100 * b.value) / max}%` }} />
              </span>
              <span className="victim-bar-value">{formatNumber(b.value)}</span>
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
