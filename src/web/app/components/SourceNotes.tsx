import type { StateFacts } from '../api';
import { SourceRefs } from './SourceRefs';

/** The notes recorded with the State's Article 4 and Article 5 facts, as the sources put them. */
export function SourceNotes({ facts }: { facts: StateFacts }) {
  const notes = [
    {
      id: 'a4',
      title: 'Article 4 (stockpile destruction)',
      text: facts.article4?.notes ?? '',
      sources: facts.article4?.sources ?? [],
    },
    {
      id: 'a5',
      title: 'Article 5 (clearance)',
      text: facts.article5?.notes ?? '',
      sources: facts.article5?.sources ?? [],
    },
  ].filter((note) => note.text !== '');
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="notes-heading" className="notes">
      <h2 id="notes-heading">What the sources say</h2>
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
