import { latestFigure } from '../editions.js';
import { STATES_METHOD, type SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { bullet, text } from './notebook.js';
import { longDate, periodWords, qualified } from './words.js';

/** The opening list: where the Convention stands on the date, one line per pillar. */
export function headline(context: SectionContext): Section {
  const { summary, notebook, known, asOf } = context;
  const share = Math.floor((summary.statesParties / summary.statesTotal) * 100);
  const shareNote = notebook.computed('states_parties_share_percent', share, 'percent', STATES_METHOD);
  const paragraphs: Paragraph[] = [
    text(`This is the situation on ${longDate(asOf)}, from minefree's records and the figures published by then:`),
    bullet(
      `${summary.statesParties} States – ${share}% of all ${summary.statesTotal} States – are party to the Convention.`,
      notebook.computed('states_parties', summary.statesParties, 'states', STATES_METHOD),
      shareNote,
    ),
  ];
  const destroyed = latestFigure(known, 'stockpiled_mines_destroyed_since_1997');
  if (destroyed) {
    paragraphs.push(
      bullet(
        `${qualified(destroyed.qualifier, destroyed.value)} stockpiled AP mines had been destroyed by ${periodWords(destroyed.period)}.`,
        notebook.reported(destroyed),
      ),
    );
  }
  const casualties = latestFigure(known, 'casualties_mines_erw');
  if (casualties) {
    paragraphs.push(
      bullet(
        `${qualified(casualties.qualifier, casualties.value)} new casualties of mines and explosive remnants of war were recorded in ${casualties.period}.`,
        notebook.reported(casualties),
      ),
    );
  }
  const area = latestFigure(known, 'area_cleared_km2');
  if (area)
    paragraphs.push(
      bullet(
        `${qualified(area.qualifier, area.value)} square kilometres of land were cleared in ${area.period}.`,
        notebook.reported(area),
      ),
    );
  const funding = latestFigure(known, 'international_support_usd');
  if (funding)
    paragraphs.push(
      bullet(
        `Donors provided ${qualified(funding.qualifier, funding.value, 'USD')} for mine action in ${funding.period}.`,
        notebook.reported(funding),
      ),
    );
  return { id: 'headline', title: 'The Convention today', paragraphs };
}

export function conclusion(context: SectionContext): Section {
  const { summary, plan, notebook } = context;
  const withdrawals = summary.withdrawals.effective.length + summary.withdrawals.pending.length;
  const notes = [notebook.computed('states_parties', summary.statesParties, 'states', STATES_METHOD)];
  if (withdrawals > 0)
    notes.push(notebook.computed('withdrawals_effective_or_pending', withdrawals, 'states', STATES_METHOD));
  const sentences = [
    `On ${longDate(context.asOf)}, ${summary.statesParties} States are bound by the Convention and ${summary.notParty} remain outside it.`,
    withdrawals > 0
      ? `${withdrawals} ${withdrawals === 1 ? 'State has' : 'States have'} withdrawn or notified withdrawal, the first withdrawals in the Convention's history.`
      : 'No State has withdrawn from the Convention.',
    plan ? `The ${plan.name} (${plan.period}) sets out what the States Parties have committed to do.` : '',
    "Every figure above comes from minefree's records or a dated source; a figure not known on this date is left out rather than guessed.",
  ];
  return {
    id: 'conclusion',
    title: 'Concluding observations',
    paragraphs: [text(sentences.filter(Boolean).join(' '), ...notes)],
  };
}
