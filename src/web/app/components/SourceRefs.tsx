import { createContext, useContext } from 'react';
import type { Source, SourceId } from '../api';
import { formatDate } from '../dates';
import { useT } from '../i18n';

export const sourceAnchor = (id: SourceId): string => `source-${id}`;

/** The sources of the page, so each citation can be named by its document, not only its id. */
export const PageSources = createContext<ReadonlyMap<string, Source>>(new Map());

/** "Sources: S06, S07", each a link to the entry in the page's source list, named by the document's title and date. */
export function SourceRefs({ ids }: { ids: readonly SourceId[] }) {
  const t = useT();
  const sources = useContext(PageSources);
  if (ids.length === 0) return <span className="source-refs unknown">{t('web:sources.refsNone')}</span>;
  return (
    <span className="source-refs">
      {t('web:sources.refs', { count: ids.length })}{' '}
      {ids.map((id, i) => {
        const source = sources.get(id);
        // Spoken as "S06: Sri Lanka accedes …, 13 December 2017" (the visible id first: WCAG 2.5.3).
        const name =
          source === undefined
            ? undefined
            : source.published === null
              ? t('web:sources.refName', { id, title: source.title })
              : t('web:sources.refNameDated', { id, title: source.title, date: formatDate(source.published) });
        return (
          <span key={id}>
            {i > 0 ? ', ' : ''}
            <a href={`#${sourceAnchor(id)}`} aria-label={name}>
              {id}
            </a>
          </span>
        );
      })}
    </span>
  );
}
