import { stateName, t } from '../../i18n/index.js';
import { latestFigure } from '../editions.js';
import { type SectionContext, article5Method } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { list, periodWords, qualified } from './words.js';

const name = (s: { iso3: string; name: string }): string => stateName(s.iso3, undefined, s.name);

export function clearance(context: SectionContext): Section {
  const { notebook, known, engine } = context;
  const withRecord = context.states.filter((s) => engine.facts.article5.has(s.iso3));
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:clearance.question')),
    text(t('factsheet:clearance.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  const done = withRecord.filter((s) => s.article5.completed !== null);
  if (done.length > 0) {
    const n = notebook.computed('states_parties_completed_article5_recorded', done.length, 'states', article5Method());
    const items = done.map((s) => t('factsheet:stateDate', { name: name(s), date: s.article5.completed ?? '' }));
    paragraphs.push(text(t('factsheet:clearance.completed', { count: done.length, list: list(items) }), n));
  }
  const reportedDone = latestFigure(known, 'states_parties_completed_article5');
  if (reportedDone && reportedDone.value !== done.length) {
    paragraphs.push(
      text(
        t('factsheet:clearance.reportedCompleted', {
          amount: qualified(reportedDone.qualifier, reportedDone.value),
          period: periodWords(reportedDone.period),
        }),
        notebook.reported(reportedDone),
      ),
    );
  }
  const area = latestFigure(known, 'area_cleared_km2');
  const mines = latestFigure(known, 'ap_mines_destroyed_in_clearance');
  if (area) {
    const withMines = mines && mines.period === area.period ? mines : null;
    const notes = [notebook.reported(area), ...(withMines ? [notebook.reported(withMines)] : [])];
    const cleared = { period: area.period, amount: qualified(area.qualifier, area.value) };
    paragraphs.push(
      text(
        withMines
          ? t('factsheet:clearance.clearedMines', {
              ...cleared,
              mines: qualified(withMines.qualifier, withMines.value),
            })
          : t('factsheet:clearance.cleared', cleared),
        ...notes,
      ),
    );
  }

  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const contaminated = latestFigure(known, 'states_parties_contaminated');
  if (contaminated) {
    paragraphs.push(
      text(
        t('factsheet:clearance.contaminated', {
          amount: qualified(contaminated.qualifier, contaminated.value),
          period: contaminated.period,
        }),
        notebook.reported(contaminated),
      ),
    );
  }
  const open = withRecord.filter((s) => s.article5.completed === null && s.article5.state === 'open');
  if (open.length > 0) {
    const extended = open.filter((s) => s.article5.extensions.length > 0).length;
    const n = notebook.computed('states_parties_article5_deadline_ahead', open.length, 'states', article5Method());
    notebook.computed('states_parties_article5_deadline_extended', extended, 'states', article5Method());
    const extendedText =
      extended === 0 ? t('factsheet:clearance.extendedNone') : t('factsheet:clearance.extended', { count: extended });
    const items = open.map((s) =>
      t('factsheet:stateDate', { name: name(s), date: s.article5.currentDeadline ?? t('factsheet:unknownMark') }),
    );
    paragraphs.push(
      text(t('factsheet:clearance.ahead', { count: open.length, extended: extendedText, list: list(items) }), n),
    );
  }
  const lapsed = withRecord.filter(
    (s) => s.article5.completed === null && (s.article5.state === 'missed' || s.article5.state === 'unknown'),
  );
  if (lapsed.length > 0) {
    const n = notebook.computed('states_parties_article5_deadline_passed', lapsed.length, 'states', article5Method());
    const items = lapsed.map((s) =>
      t(s.article5.state === 'missed' ? 'factsheet:clearance.lapsedItemMissed' : 'factsheet:clearance.lapsedItem', {
        name: name(s),
        deadline: s.article5.currentDeadline ?? t('factsheet:clearance.deadlineUnknown'),
      }),
    );
    paragraphs.push(text(t('factsheet:clearance.lapsed', { count: lapsed.length, list: list(items) }), n));
  }
  if (open.length === 0 && !contaminated) paragraphs.push(text(t('factsheet:clearance.noContamination')));
  paragraphs.push(...whatNeedsToBeDone(context, 'clearance'));
  return { id: 'mine-clearance', title: t('factsheet:clearance.title'), paragraphs };
}
