import type { StateOnDate } from '../api';
import { useT } from '../i18n';
import { CATEGORIES, CATEGORY_COLOUR, OTHER_LAND_COLOUR, categoryLabel, statusCategory } from '../status';

/** What each colour on the map means, with how many States have it on the date. */
export function MapLegend({ states }: { states: readonly StateOnDate[] }) {
  const t = useT();
  const counts = new Map<string, number>();
  for (const s of states) counts.set(statusCategory(s), (counts.get(statusCategory(s)) ?? 0) + 1);
  return (
    <section aria-labelledby="legend-heading" className="map-legend">
      <h2 id="legend-heading">{t('web:map.legend')}</h2>
      <ul>
        {CATEGORIES.map((category) => (
          <li key={category}>
            <span className="swatch" style={{ background: CATEGORY_COLOUR[category] }} aria-hidden="true" />
            {categoryLabel(category)}{' '}
            <span className="count">{t('web:map.count', { count: counts.get(category) ?? 0 })}</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: OTHER_LAND_COLOUR }} aria-hidden="true" />
          {t('web:map.otherLand')}
        </li>
      </ul>
    </section>
  );
}
