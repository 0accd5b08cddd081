import { addYears } from '../../core/date.js';
import { figureFor, latestFigure, periodEnd } from '../editions.js';
import { STATES_METHOD, type SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { amount, list, longDate, periodWords, plural, qualified } from './words.js';

/** Casualties of the latest three years known, as "8,605 in 2016 – up from 6,461 in 2015 and 3,695 in 2014". */
export function casualtyTrend(context: SectionContext): { sentence: string; notes: number[] } | null {
  const latest = latestFigure(context.known, 'casualties_mines_erw');
  if (!latest) return null;
  const year = Number(latest.period);
  const earlier = [year - 1, year - 2]
    .map((y) => figureFor(context.known, 'casualties_mines_erw', String(y)))
    .filter((f) => f !== null);
  const notes = [latest, ...earlier].map((f) => context.notebook.reported(f));
  const first = earlier[0];
  const direction = first
    ? latest.value > first.value
      ? 'up'
      : latest.value < first.value
        ? 'down'
        : 'unchanged'
    : null;
  const rest = earlier.map((f) => `${qualified(f.qualifier, f.value)} in ${f.period}`);
  const trend = direction && rest.length > 0 ? ` – ${direction} from ${list(rest)}` : '';
  return {
    sentence: `Landmine Monitor recorded ${qualified(latest.qualifier, latest.value)} new casualties of mines and explosive remnants of war in ${latest.period}${trend}.`,
    notes,
  };
}

export function universalization(context: SectionContext): Section {
  const { summary, notebook, asOf, engine } = context;
  const paragraphs: Paragraph[] = [heading('Achievements')];
  const parties = notebook.computed('states_parties', summary.statesParties, 'states', STATES_METHOD);
  const latest = summary.latestToJoin;
  paragraphs.push(
    text(
      `On ${longDate(asOf)}, ${summary.statesParties} States are party to the Anti-Personnel Mine Ban Convention` +
        (latest
          ? `, ${latest.name} being the latest State to join, by ${latest.instrument} on ${longDate(latest.date)}.`
          : '.'),
      parties,
    ),
  );
  // A published count is shown beside the computed one only while it is recent enough to compare.
  const reported = latestFigure(context.known, 'states_parties');
  if (reported && reported.value !== summary.statesParties && periodEnd(reported.period) >= addYears(asOf, -1)) {
    paragraphs.push(
      text(
        `The latest published count known on this date gave ${reported.value} States Parties for ${periodWords(reported.period)}.`,
        notebook.reported(reported),
      ),
    );
  }
  const produced = latestFigure(context.known, 'states_ever_produced_ap_mines');
  const ended = latestFigure(context.known, 'states_ended_production');
  if (produced && ended) {
    paragraphs.push(
      text(
        `Of the ${qualified(produced.qualifier, produced.value)} States that at some point produced AP mines, ${amount(ended.value)} had ended their production by ${ended.period}.`,
        notebook.reported(produced),
        notebook.reported(ended),
      ),
    );
  }

  paragraphs.push(heading('Remaining challenges'));
  const outside = notebook.computed('states_not_party', summary.notParty, 'states', STATES_METHOD);
  const signatories = context.states.filter((s) => s.status === 'signatory').map((s) => s.name);
  paragraphs.push(
    text(
      `${summary.notParty} of the ${summary.statesTotal} States remain outside the Convention` +
        (signatories.length > 0
          ? `; ${list(signatories)} ${plural(signatories.length, 'has', 'have')} signed it but not ratified it.`
          : '.'),
      outside,
    ),
  );
  const withdrawn = context.states.filter((s) => s.withdrawal.state === 'effective');
  if (withdrawn.length > 0) {
    const n = notebook.computed('withdrawals_effective', withdrawn.length, 'states', STATES_METHOD);
    const dates = withdrawn.map(
      (s) => `${s.name} (${s.withdrawal.effective ? longDate(s.withdrawal.effective) : 'date unknown'})`,
    );
    paragraphs.push(
      text(
        `${plural(withdrawn.length, 'One State has', `${withdrawn.length} States have`)} withdrawn from the Convention under Article 20, with effect on the dates shown: ${list(dates)}.`,
        n,
      ),
    );
  }
  for (const pending of context.states.filter((s) => s.withdrawal.state === 'pending')) {
    const record = engine.record(pending.iso3)?.withdrawal;
    const n = notebook.computed('withdrawals_pending', 1, 'states', STATES_METHOD);
    const since = record?.deposited
      ? `received by the Depositary on ${longDate(record.deposited)}`
      : record?.announced
        ? `announced on ${longDate(record.announced)}`
        : 'announced';
    const effect = pending.withdrawal.effective
      ? `it takes effect on ${longDate(pending.withdrawal.effective)}`
      : `${pending.name} is engaged in an armed conflict, and under Article 20.3 the withdrawal cannot take effect before that conflict ends`;
    paragraphs.push(text(`${pending.name}'s withdrawal is pending: it was ${since}; ${effect}.`, n));
  }
  const trend = casualtyTrend(context);
  if (trend) paragraphs.push(text(trend.sentence, ...trend.notes));
  paragraphs.push(...whatNeedsToBeDone(context, 'universalization'));
  return { id: 'universalization', title: 'Universalizing the Convention and its norms', paragraphs };
}
