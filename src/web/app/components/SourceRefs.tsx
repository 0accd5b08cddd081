import type { SourceId } from '../api';
import { useT } from '../i18n';

export const sourceAnchor = (id: SourceId): string => `source-${id}`;

/** "Sources: S06, S07", each a link to the entry in the page's source list. */
export function SourceRefs({ ids }: { ids: readonly SourceId[] }) {
  const t = useT();
  if (ids.length === 0) return <span className="source-refs unknown">{t('web:sources.refsNone')}</span>;
  return (
    <span className="source-refs">
      {t('web:sources.refs', { count: ids.length })}{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#${sourceAnchor(id)}`}>{id}</a>
        </span>
      ))}
    </span>
  );
}
