import { Link } from 'react-router';
import type { StateOnDate } from '../api';
import { stateName, useT } from '../i18n';
import { CATEGORIES, categoryLabel, statusCategory } from '../status';
import { withAsOf } from '../use-as-of';

/** The world map as a list: every State under its colour's status, each a link to its page (the map for keyboards and screen readers). */
export function MapStateList({ states, asOf }: { states: readonly StateOnDate[]; asOf: string | null }) {
  const t = useT();
  return (
    <details className="map-state-list chart-table" data-testid="map-state-list">
      <summary>{t('web:map.listSummary', { count: states.length })}</summary>
      {CATEGORIES.map((category) => {
        const members = states
          .filter((s) => statusCategory(s) === category)
          .map((s) => ({ iso3: s.iso3, name: stateName(s.iso3, s.name) }))
          .sort((a, b) => a.name.localeCompare(b.name));
        if (members.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`map-list-${category}`}>
            <h3 id={`map-list-${category}`}>
              {categoryLabel(category)} <span className="count">{t('web:map.count', { count: members.length })}</span>
            </h3>
            <ul className="state-links">
              {members.map((m) => (
                <li key={m.iso3}>
                  <Link to={withAsOf(`/states/${m.iso3}`, asOf)}>{m.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </details>
  );
}
