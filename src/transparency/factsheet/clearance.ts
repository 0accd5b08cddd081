import { latestFigure } from '../editions.js';
import { ARTICLE5_METHOD, type SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { list, periodWords, plural, qualified } from './words.js';

export function clearance(context: SectionContext): Section {
  const { notebook, known, engine } = context;
  const withRecord = context.states.filter((s) => engine.facts.article5.has(s.iso3));
  const paragraphs: Paragraph[] = [
    heading("What are the Convention's mine clearance requirements?"),
    text(
      'Each State Party must destroy all anti-personnel mines in mined areas under its jurisdiction or control as soon as possible and no later than ten years after the Convention enters into force for it, and meanwhile mark, monitor and fence those areas to keep civilians out (Article 5). A State Party that cannot finish in time may ask a Meeting of the States Parties or a Review Conference for an extension of up to ten years, renewable (Articles 5.3 to 5.6).',
    ),
    heading('Achievements'),
  ];
  const done = withRecord.filter((s) => s.article5.completed !== null);
  if (done.length > 0) {
    const n = notebook.computed('states_parties_completed_article5_recorded', done.length, 'states', ARTICLE5_METHOD);
    paragraphs.push(
      text(
        `In minefree's data, ${done.length} States Parties declared that they had cleared all known mined areas by this date: ${list(done.map((s) => `${s.name} (${s.article5.completed ?? ''})`))}.`,
        n,
      ),
    );
  }
  const reportedDone = latestFigure(known, 'states_parties_completed_article5');
  if (reportedDone && reportedDone.value !== done.length) {
    paragraphs.push(
      text(
        `The published count known on this date is ${qualified(reportedDone.qualifier, reportedDone.value)} States Parties (${periodWords(reportedDone.period)}); the completions missing above are not yet dated in minefree's data.`,
        notebook.reported(reportedDone),
      ),
    );
  }
  const area = latestFigure(known, 'area_cleared_km2');
  const mines = latestFigure(known, 'ap_mines_destroyed_in_clearance');
  if (area) {
    const minesText =
      mines && mines.period === area.period
        ? ` and ${qualified(mines.qualifier, mines.value)} AP mines destroyed in the process`
        : '';
    const notes = [notebook.reported(area), ...(minesText && mines ? [notebook.reported(mines)] : [])];
    paragraphs.push(
      text(
        `In ${area.period}, ${qualified(area.qualifier, area.value)} square kilometres were cleared${minesText}.`,
        ...notes,
      ),
    );
  }

  paragraphs.push(heading('Remaining challenges'));
  const contaminated = latestFigure(known, 'states_parties_contaminated');
  if (contaminated) {
    paragraphs.push(
      text(
        `${qualified(contaminated.qualifier, contaminated.value)} States Parties were contaminated by AP mines and under the obligation to clear them (${contaminated.period}).`,
        notebook.reported(contaminated),
      ),
    );
  }
  const open = withRecord.filter((s) => s.article5.completed === null && s.article5.state === 'open');
  if (open.length > 0) {
    const extended = open.filter((s) => s.article5.extensions.length > 0).length;
    const n = notebook.computed('states_parties_article5_deadline_ahead', open.length, 'states', ARTICLE5_METHOD);
    notebook.computed('states_parties_article5_deadline_extended', extended, 'states', ARTICLE5_METHOD);
    const extendedText =
      extended === 0
        ? 'none of them has had it extended yet'
        : `${extended} of them ${plural(extended, 'has', 'have')} had it extended`;
    paragraphs.push(
      text(
        `${open.length} States Parties in minefree's data have an Article 5 deadline still ahead; ${extendedText}: ` +
          `${list(open.map((s) => `${s.name} (${s.article5.currentDeadline ?? '?'})`))}.`,
        n,
      ),
    );
  }
  const lapsed = withRecord.filter(
    (s) => s.article5.completed === null && (s.article5.state === 'missed' || s.article5.state === 'unknown'),
  );
  if (lapsed.length > 0) {
    const n = notebook.computed('states_parties_article5_deadline_passed', lapsed.length, 'states', ARTICLE5_METHOD);
    paragraphs.push(
      text(
        `For ${lapsed.length} ${plural(lapsed.length, 'State Party', 'States Parties')}, the last deadline in minefree's data has passed with no completion or later extension recorded: ` +
          `${list(lapsed.map((s) => `${s.name} (${s.article5.currentDeadline ?? 'deadline unknown'}${s.article5.state === 'missed' ? ', missed' : ''})`))}.`,
        n,
      ),
    );
  }
  if (open.length === 0 && !contaminated)
    paragraphs.push(text("No figure on remaining contamination is known for this date in minefree's data."));
  paragraphs.push(...whatNeedsToBeDone(context, 'clearance'));
  return { id: 'mine-clearance', title: 'Mine clearance', paragraphs };
}
