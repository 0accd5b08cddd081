import type { StateFacts } from '../api';
import { useT } from '../i18n';
import { SourceRefs } from './SourceRefs';

/** The notes recorded with the State's Article 4 and Article 5 facts, as the sources put them. */
export function SourceNotes({ facts }: { facts: StateFacts }) {
  const t = useT();
  const notes = [
    {
      id: 'a4',
      title: t('web:sources.notesArticle4'),
      text: facts.article4?.notes ?? '',
      sources: facts.article4?.sources ?? [],
    },
    {
      id: 'a5',
      title: t('web:sources.notesArticle5'),
      text: facts.article5?.notes ?? '',
      sources: facts.article5?.sources ?? [],
    },
  ].filter((note) => note.text !== '');
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="notes-heading" className="notes">
      <h2 id="notes-heading">{t('web:sources.notesHeading')}</h2>
      {notes.map((note) => (
        <div key={note.id}>
          <h3>{note.title}</h3>
          <p>{note.text}</p>
          <p className="timeline-sources">
            <SourceRefs ids={note.sources} />
          </p>
        </div>
      ))}
    </section>
  );
}
