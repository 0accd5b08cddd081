import { earliestDay } from '../../core/partial-date.js';
import type { StateCode } from '../../core/states.js';
import { latestFigure, publicationDay } from '../editions.js';
import type { ReportedFigure } from '../model.js';
import { ARTICLE4_METHOD, type SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { amount, list, longDate, periodWords, plural, qualified } from './words.js';

/** A stockpile figure a State's Article 4 record states, as a reported figure with its source. */
function remainingFigure(context: SectionContext, iso3: StateCode): ReportedFigure | null {
  const record = context.engine.facts.article4.get(iso3);
  if (!record || record.stockpileRemaining === null || record.remainingAsOf === null || record.stockpileRemaining === 0)
    return null;
  if (earliestDay(record.remainingAsOf) > context.asOf) return null;
  const source = record.sources
    .map((id) => context.sources.get(id))
    .find((s) => s?.published && publicationDay(s.published) <= context.asOf);
  if (!source?.published) return null;
  return {
    indicator: 'stockpile_remaining',
    scope: iso3,
    period: record.remainingAsOf,
    value: record.stockpileRemaining,
    qualifier: 'exact',
    unit: 'mines',
    source: source.id,
    citedDocument: null,
    citedPage: null,
    edition: null,
    published: publicationDay(source.published),
    notes: '',
  };
}

export function stockpiles(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading("What are the Convention's stockpile destruction requirements?"),
    text(
      'Each State Party must destroy all stockpiled anti-personnel mines it owns or possesses as soon as possible and no later than four years after the Convention enters into force for it (Article 4). Article 4 has no extension mechanism.',
    ),
    heading('Achievements'),
  ];
  const destroyed = latestFigure(known, 'stockpiled_mines_destroyed_since_1997');
  if (destroyed) {
    paragraphs.push(
      text(
        `In total, ${qualified(destroyed.qualifier, destroyed.value)} stockpiled AP mines had been destroyed by ${periodWords(destroyed.period)}.`,
        notebook.reported(destroyed),
      ),
    );
  }
  const completed = latestFigure(known, 'states_parties_completed_destruction');
  if (completed) {
    paragraphs.push(
      text(
        `${amount(completed.value)} States Parties had completed the destruction of their stockpiles by ${periodWords(completed.period)}.`,
        notebook.reported(completed),
      ),
    );
  }
  const lateButDone = context.states.filter((s) => s.article4.state === 'missed' && s.article4.completed !== null);
  if (lateButDone.length > 0) {
    const n = notebook.computed(
      'states_parties_completed_destruction_after_deadline',
      lateButDone.length,
      'states',
      ARTICLE4_METHOD,
    );
    const items = lateButDone.map(
      (s) =>
        `${s.name} (deadline ${s.article4.deadline?.slice(0, 4) ?? '?'}, completed ${s.article4.completed ?? '?'})`,
    );
    paragraphs.push(
      text(
        `${list(items)} missed ${plural(lateButDone.length, 'its', 'their')} deadline but later completed destruction.`,
        n,
      ),
    );
  }

  paragraphs.push(heading('Remaining challenges'));
  const missed = context.states.filter((s) => s.article4.state === 'missed' && s.article4.completed === null);
  if (missed.length > 0) {
    const n = notebook.computed('states_parties_missed_article4_deadline', missed.length, 'states', ARTICLE4_METHOD);
    const items = missed.map((s) => `${s.name} (${s.article4.deadline ? longDate(s.article4.deadline) : '?'})`);
    paragraphs.push(
      text(
        `${list(items)} missed ${plural(missed.length, 'its', 'their')} four-year deadline, and no completion of destruction is recorded for ${plural(missed.length, 'it', 'them')} by this date.`,
        n,
      ),
    );
    for (const s of missed) {
      const remaining = remainingFigure(context, s.iso3);
      if (remaining)
        paragraphs.push(
          text(
            `${s.name} still held ${amount(remaining.value)} AP mines in ${periodWords(remaining.period)}.`,
            notebook.reported(remaining),
          ),
        );
    }
  }
  const together = latestFigure(known, 'stockpile_remaining_greece_ukraine', 'GRC;UKR');
  if (together) {
    paragraphs.push(
      text(
        `Greece and Ukraine together were reported to possess ${qualified(together.qualifier, together.value)} AP mines (${together.period}).`,
        notebook.reported(together),
      ),
    );
  }
  const withinDeadline = context.states.filter(
    (s) => s.article4.state === 'open' && s.article4.completed === null && context.engine.facts.article4.has(s.iso3),
  );
  if (withinDeadline.length > 0) {
    const n = notebook.computed(
      'states_parties_within_article4_deadline',
      withinDeadline.length,
      'states',
      ARTICLE4_METHOD,
    );
    const items = withinDeadline.map((s) => `${s.name} (${s.article4.deadline ? longDate(s.article4.deadline) : '?'})`);
    paragraphs.push(
      text(
        `${list(items)} ${plural(withinDeadline.length, 'is', 'are')} still within ${plural(withinDeadline.length, 'its', 'their')} Article 4 deadline.`,
        n,
      ),
    );
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'stockpiles'));
  return { id: 'stockpile-destruction', title: 'Stockpile destruction', paragraphs };
}
