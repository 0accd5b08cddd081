import type { StateOnDate } from '../api';
import { CATEGORIES, CATEGORY_COLOUR, CATEGORY_LABEL, OTHER_LAND_COLOUR, statusCategory } from '../status';

/** What each colour on the map means, with how many States have it on the date. */
export function MapLegend({ states }: { states: readonly StateOnDate[] }) {
  const counts = new Map<string, number>();
  for (const s of states) counts.set(statusCategory(s), (counts.get(statusCategory(s)) ?? 0) + 1);
  return (
    <section aria-labelledby="legend-heading" className="map-legend">
      <h2 id="legend-heading">Legend</h2>
      <ul>
        {CATEGORIES.map((category) => (
          <li key={category}>
            <span className="swatch" style={{ background: CATEGORY_COLOUR[category] }} aria-hidden="true" />
            {CATEGORY_LABEL[category]} <span className="count">({counts.get(category) ?? 0})</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: OTHER_LAND_COLOUR }} aria-hidden="true" />
          Not one of the 197 States (territories, Antarctica, areas the map data gives no ISO code)
        </li>
      </ul>
    </section>
  );
}
