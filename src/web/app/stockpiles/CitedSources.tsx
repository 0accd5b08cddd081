import { useMemo } from 'react';
import { type Source, paths } from '../api';
import { DateText } from '../components/DateText';
import { useT } from '../i18n';
import { useApi } from '../use-api';

/** The anchor of a source in a list of cited sources; `prefix` keeps two lists on one page apart. */
export const citedAnchor = (prefix: string, id: string): string => `${prefix}-${id}`;

/** "Source: S30", each id a link to its entry in the list of cited sources (`prefix` names the list). */
export function CitedRefs({ ids, prefix }: { ids: readonly string[]; prefix: string }) {
  const t = useT();
  if (ids.length === 0) return <span className="source-refs unknown">{t('web:sources.refsNone')}</span>;
  return (
    <span className="source-refs">
      {t('web:sources.refs', { count: ids.length })}{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#${citedAnchor(prefix, id)}`}>{id}</a>
        </span>
      ))}
    </span>
  );
}

interface ListProps {
  ids: readonly string[];
  prefix: string;
  heading: string;
  headingId: string;
  /** h2 on a page of its own, h3 inside a section. */
  level?: 'h2' | 'h3';
}

/** The sources cited in one part of a page: id, title, publication date and a link to the document. */
export function CitedSources({ ids, prefix, heading, headingId, level = 'h2' }: ListProps) {
  const t = useT();
  const all = useApi<Source[]>(ids.length === 0 ? null : paths.sources());
  const byId = useMemo(() => new Map(all.state === 'ready' ? all.data.map((s) => [s.id, s]) : []), [all]);
  const Heading = level;
  const sorted = [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (sorted.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="source-list">
      <Heading id={headingId}>{heading}</Heading>
      <ol>
        {sorted.map((id) => {
          const source = byId.get(id);
          return (
            <li key={id} id={citedAnchor(prefix, id)} tabIndex={-1}>
              <span className="source-id">{id}</span>{' '}
              {source === undefined ? (
                <span className="source-title unknown">
                  {all.state === 'loading'
                    ? t('web:load.loading', { what: t('web:what.sources') })
                    : t('web:stockpiles.sourceMissing')}
                </span>
              ) : (
                <>
                  <span className="source-title">{source.title}</span>
                  <span className="source-meta">
                    {t('web:sources.published')}
                    <DateText date={source.published} unknown={t('web:date.notGiven')} />
                    {source.url !== null ? (
                      <>
                        {' · '}
                        <a href={source.url} target="_blank" rel="noopener noreferrer">
                          {t('web:sources.open', { id })}
                          <span className="visually-hidden">{t('web:sources.newTab')}</span>
                        </a>
                      </>
                    ) : (
                      t('web:sources.noUrl')
                    )}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
