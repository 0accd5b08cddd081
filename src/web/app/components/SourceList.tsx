import type { Source } from '../api';
import { DateText } from './DateText';
import { sourceAnchor } from './SourceRefs';

/** Every source the page cites: id, title, publication date and a link to the document. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  const sorted = [...sources].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return (
    <section aria-labelledby="sources-heading" className="source-list">
      <h2 id="sources-heading">Sources</h2>
      {sorted.length === 0 ? (
        <p>No source is recorded for this State.</p>
      ) : (
        <ol>
          {sorted.map((source) => (
            <li key={source.id} id={sourceAnchor(source.id)} tabIndex={-1}>
              <span className="source-id">{source.id}</span> <span className="source-title">{source.title}</span>
              <span className="source-meta">
                Published: <DateText date={source.published} unknown="date not given" />
                {source.url !== null ? (
                  <>
                    {' · '}
                    <a href={source.url} target="_blank" rel="noopener noreferrer">
                      Open source {source.id}
                      <span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </>
                ) : (
                  ' · no web address recorded'
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
