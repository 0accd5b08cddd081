import type { SourceId } from '../api';

export const sourceAnchor = (id: SourceId): string => `source-${id}`;

/** "Sources: S06, S07", each a link to the entry in the page's source list. */
export function SourceRefs({ ids }: { ids: readonly SourceId[] }) {
  if (ids.length === 0) return <span className="source-refs unknown">Source: not found in the sources read</span>;
  return (
    <span className="source-refs">
      {ids.length === 1 ? 'Source' : 'Sources'}:{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#${sourceAnchor(id)}`}>{id}</a>
        </span>
      ))}
    </span>
  );
}
