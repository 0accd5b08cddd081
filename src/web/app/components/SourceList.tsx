import type { Source } from '../api';
import { useT } from '../i18n';
import { DateText } from './DateText';
import { sourceAnchor } from './SourceRefs';

/** Every source the page cites: id, title, publication date and a link to the document. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  const t = useT();
  const sorted = [...sources].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return (
    <section aria-labelledby="sources-heading" className="source-list">
      <h2 id="sources-heading">{t('web:sources.heading')}</h2>
      {sorted.length === 0 ? (
        <p>{t('web:sources.none')}</p>
      ) : (
        <ol>
          {sorted.map((source) => (
            <li key={source.id} id={sourceAnchor(source.id)} tabIndex={-1}>
              <span className="source-id">{source.id}</span> <span className="source-title">{source.title}</span>
              <span className="source-meta">
                {t('web:sources.published')}
                <DateText date={source.published} unknown={t('web:date.notGiven')} />
                {source.url !== null ? (
                  <>
                    {' · '}
                    <a href={source.url} target="_blank" rel="noopener noreferrer">
                      {t('web:sources.openTitled', { title: source.title })}
                      <span className="visually-hidden">{t('web:sources.newTab')}</span>
                    </a>
                  </>
                ) : (
                  t('web:sources.noUrl')
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
