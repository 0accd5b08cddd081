import type { StateOnDate } from '../api';
import { CATEGORY_COLOUR, categoryLabel, statusCategory } from '../status';
import { useT } from '../i18n';

/** A State's status on the date, in words, with the map's colour as a swatch. */
export function StatusBadge({ state }: { state: StateOnDate }) {
  useT();
  const category = statusCategory(state);
  return (
    <span className="status-badge">
      <span className="swatch" style={{ background: CATEGORY_COLOUR[category] }} aria-hidden="true" />
      {categoryLabel(category)}
    </span>
  );
}
