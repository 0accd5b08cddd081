import type { GlobalVictims } from '../api';
import { ChartTable } from '../components/ChartTable';
import { formatNumber, useT } from '../i18n';

type DeviceYear = GlobalVictims['byDevice'][number];

/** Each device category's colour (Okabe-Ito) and words; withheld cells are drawn as one hatched grey part. */
export const DEVICES = {
  'ap-mine': { colour: '#E69F00', words: 'web:victims.device.ap-mine' },
  'improvised-ap-mine': { colour: '#56B4E9', words: 'web:victims.device.improvised-ap-mine' },
  'av-mine': { colour: '#009E73', words: 'web:victims.device.av-mine' },
  erw: { colour: '#0072B2', words: 'web:victims.device.erw' },
  'cluster-munition-remnant': { colour: '#CC79A7', words: 'web:victims.device.cluster-munition-remnant' },
  unknown: { colour: '#555555', words: 'web:victims.device.unknown' },
} as const;
type Device = keyof typeof DEVICES;
const KEYS = Object.keys(DEVICES) as Device[];
const isDevice = (key: string): key is Device => key in DEVICES;

/**
 * Casualties per year by device category, one stacked bar a year against the largest year. Where
 * the year's total is shown, what the withheld cells add up to (the total less the cells shown,
 * which a reader can work out anyway) is drawn hatched; where the total is withheld, the bar is
 * only the cells shown and the row says so. The table under it gives every cell.
 */
export function DeviceChart({ years }: { years: readonly DeviceYear[] }) {
  const t = useT();
  const withheld = t('web:victims.withheld');
  const max = Math.max(1, ...years.map((y) => y.total ?? y.cells.reduce((sum, c) => sum + (c.count ?? 0), 0)));
  return (
    <div data-testid="victim-devices-chart">
      <ul className="victim-series-legend" aria-hidden="true">
        {KEYS.map((key) => (
          <li key={key}>
            <span className="swatch" style={{ background: DEVICES[key].colour }} />
            {t(DEVICES[key].words)}
          </li>
        ))}
        <li>
          <span className="swatch victim-hatched" />
          {t('web:victims.devices.withheldPart')}
        </li>
      </ul>
      <div className="victim-series" role="img" aria-label={t('web:victims.devices.label')}>
        {years.map((y) => {
          const shown = y.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
          const rest = y.total === null ? 0 : y.total - shown;
          return (
            <div className="victim-series-year" key={y.year} aria-hidden="true">
              <span className="victim-series-label">{y.year}</span>
              <span className="victim-stack-track">
                <span className="victim-stack">
                  {y.cells.map((c) =>
                    c.count === null || !isDevice(c.key) ? null : (
                      <span
                        key={c.key}
                        style={{ width: `${(100 * c.count) / max}%`, background: DEVICES[c.key].colour }}
                      />
                    ),
                  )}
                  {rest > 0 ? <span className="victim-hatched" style={{ width: `${(100 * rest) / max}%` }} /> : null}
                </span>
                <span className="victim-bar-value">{y.total === null ? withheld : formatNumber(y.total)}</span>
              </span>
            </div>
          );
        })}
      </div>
      <ChartTable
        caption={t('web:victims.devices.caption')}
        columns={[t('web:victims.years.year'), ...KEYS.map((k) => t(DEVICES[k].words)), t('web:victims.years.total')]}
        rows={years.map((y) => [
          String(y.year),
          ...KEYS.map((key) => {
            const cell = y.cells.find((c) => c.key === key);
            return cell === undefined || cell.count === null ? withheld : formatNumber(cell.count);
          }),
          y.total === null ? withheld : formatNumber(y.total),
        ])}
      />
    </div>
  );
}
