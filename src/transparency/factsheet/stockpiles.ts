import { earliestDay } from '../../core/partial-date.js';
import type { StateCode } from '../../core/states.js';
import { stateName, t } from '../../i18n/index.js';
import { latestFigure, publicationDay } from '../editions.js';
import type { ReportedFigure } from '../model.js';
import { type SectionContext, article4Method } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { amount, list, longDate, periodWords, qualified } from './words.js';

const name = (s: { iso3: string; name: string }): string => stateName(s.iso3, undefined, s.name);

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
    heading(t('factsheet:stockpiles.question')),
    text(t('factsheet:stockpiles.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  const destroyed = latestFigure(known, 'stockpiled_mines_destroyed_since_1997');
  if (destroyed) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.destroyed', {
          amount: qualified(destroyed.qualifier, destroyed.value),
          period: periodWords(destroyed.period),
        }),
        notebook.reported(destroyed),
      ),
    );
  }
  const completed = latestFigure(known, 'states_parties_completed_destruction');
  if (completed) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.completed', {
          amount: amount(completed.value),
          period: periodWords(completed.period),
        }),
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
      article4Method(),
    );
    const items = lateButDone.map((s) =>
      t('factsheet:stockpiles.lateItem', {
        name: name(s),
        deadline: s.article4.deadline?.slice(0, 4) ?? t('factsheet:unknownMark'),
        completed: s.article4.completed ?? t('factsheet:unknownMark'),
      }),
    );
    paragraphs.push(text(t('factsheet:stockpiles.lateButDone', { count: lateButDone.length, list: list(items) }), n));
  }

  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const missed = context.states.filter((s) => s.article4.state === 'missed' && s.article4.completed === null);
  if (missed.length > 0) {
    const n = notebook.computed('states_parties_missed_article4_deadline', missed.length, 'states', article4Method());
    const items = missed.map((s) =>
      t('factsheet:stateDate', {
        name: name(s),
        date: s.article4.deadline ? longDate(s.article4.deadline) : t('factsheet:unknownMark'),
      }),
    );
    paragraphs.push(text(t('factsheet:stockpiles.missed', { count: missed.length, list: list(items) }), n));
    for (const s of missed) {
      const remaining = remainingFigure(context, s.iso3);
      if (remaining)
        paragraphs.push(
          text(
            t('factsheet:stockpiles.stillHeld', {
              name: name(s),
              amount: amount(remaining.value),
              period: periodWords(remaining.period),
            }),
            notebook.reported(remaining),
          ),
        );
    }
  }
  const together = latestFigure(known, 'stockpile_remaining_greece_ukraine', 'GRC;UKR');
  if (together) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.greeceUkraine', {
          amount: qualified(together.qualifier, together.value),
          period: together.period,
        }),
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
      article4Method(),
    );
    const items = withinDeadline.map((s) =>
      t('factsheet:stateDate', {
        name: name(s),
        date: s.article4.deadline ? longDate(s.article4.deadline) : t('factsheet:unknownMark'),
      }),
    );
    paragraphs.push(text(t('factsheet:stockpiles.within', { count: withinDeadline.length, list: list(items) }), n));
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'stockpiles'));
  return { id: 'stockpile-destruction', title: t('factsheet:stockpiles.title'), paragraphs };
}
