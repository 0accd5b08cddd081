import type { StateOnDate } from '../api';
import { CATEGORY_COLOUR, CATEGORY_LABEL, statusCategory } from '../status';

/** A State's status on the date, in words, with the map's colour as a swatch. */
export function StatusBadge({ state }: { state: StateOnDate }) {
  const category = statusCategory(state);
  return (
    <span className="status-badge">
      <span className="swatch" style={{ background: CATEGORY_COLOUR[category] }} aria-hidden="true" />
      {CATEGORY_LABEL[category]}
    </span>
  );
}
