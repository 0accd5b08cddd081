import { t } from '../../i18n/index.js';
import { figureFor, latestFigure } from '../editions.js';
import { type FlowFunding, type SectionContext, fundingFlowsMethod } from './context.js';
import type { ReportedFigure } from '../model.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { qualified } from './words.js';

/** The shares of international support the fact sheet names, in order, with what each went to. */
const SHARES = {
  international_support_share_clearance_risk_education:
    'factsheet:cooperation.share.international_support_share_clearance_risk_education',
  international_support_share_victim_assistance:
    'factsheet:cooperation.share.international_support_share_victim_assistance',
  international_support_share_stockpile_destruction:
    'factsheet:cooperation.share.international_support_share_stockpile_destruction',
} as const;

const SECTOR_KEYS = {
  'clearance-risk-education': 'factsheet:cooperation.sector.clearance-risk-education',
  'victim-assistance': 'factsheet:cooperation.sector.victim-assistance',
  'stockpile-destruction': 'factsheet:cooperation.sector.stockpile-destruction',
  'capacity-building': 'factsheet:cooperation.sector.capacity-building',
  advocacy: 'factsheet:cooperation.sector.advocacy',
  other: 'factsheet:cooperation.sector.other',
} as const;
const sectorKey = (sector: string) =>
  sector in SECTOR_KEYS ? SECTOR_KEYS[sector as keyof typeof SECTOR_KEYS] : SECTOR_KEYS.other;

/** Percent to one decimal, as the fact sheet states a computed share. */
const percentOf = (share: number): number => Math.round(share * 1000) / 10;

/** The achievements from the stored flows: computed figures, one endnote naming the flows' sources. */
function fromFlows(
  notebook: SectionContext['notebook'],
  funding: FlowFunding,
): { paragraphs: Paragraph[]; value: number } {
  const method = fundingFlowsMethod(funding);
  const note = notebook.computed('international_support_usd', funding.international, 'USD', method);
  const shares = funding.bySector.map((s) => {
    notebook.computed(
      `international_support_share_${s.sector.replace(/-/g, '_')}`,
      percentOf(s.share),
      'percent',
      method,
    );
    return t('factsheet:cooperation.shareItem', {
      share: qualified('exact', percentOf(s.share), 'percent'),
      label: t(sectorKey(s.sector)),
    });
  });
  const split = shares.length > 0 ? t('factsheet:cooperation.split', { shares: shares.join(', ') }) : '';
  const paragraphs: Paragraph[] = [
    text(
      t('factsheet:cooperation.internationalFlows', {
        amount: qualified('exact', funding.international, 'USD'),
        period: String(funding.year),
        split,
      }),
      note,
    ),
  ];
  if (funding.national > 0) {
    const national = notebook.computed('national_support_usd', funding.national, 'USD', method);
    paragraphs.push(
      text(
        t('factsheet:cooperation.nationalFlows', {
          amount: qualified('exact', funding.national, 'USD'),
          period: String(funding.year),
        }),
        national,
      ),
    );
  }
  return { paragraphs, value: funding.international };
}

/** The published shares of a year, each as words with its endnote. */
function sharesOf(context: SectionContext, year: string, notes: number[]): string[] {
  return Object.entries(SHARES).flatMap(([indicator, label]) => {
    const share = figureFor(context.known, indicator, year);
    if (!share) return [];
    notes.push(context.notebook.reported(share));
    return [
      t('factsheet:cooperation.shareItem', {
        share: qualified(share.qualifier, share.value, 'percent'),
        label: t(label),
      }),
    ];
  });
}

/** The latest year before `year` with a published split by sector. */
function latestSplitBefore(known: readonly ReportedFigure[], year: string): string | null {
  const years = known
    .filter((f) => f.indicator in SHARES && f.scope === 'global' && /^\d{4}$/.test(f.period) && f.period < year)
    .map((f) => f.period)
    .sort();
  return years.at(-1) ?? null;
}

/**
 * National funding published for a year: of `national_support_usd` and the ICRC fact sheet's
 * `affected_states_self_funding_usd` ("more than US$130 million"), the later-published (the latter on a tie).
 */
export function nationalFor(known: readonly ReportedFigure[], year: string): ReportedFigure | null {
  const self = figureFor(known, 'affected_states_self_funding_usd', year);
  const national = figureFor(known, 'national_support_usd', year);
  if (self && national) return (national.published ?? '') > (self.published ?? '') ? national : self;
  return self ?? national;
}

/** The achievements quoted from the published figures of the latest year known. */
function fromReported(context: SectionContext, international: ReportedFigure): Paragraph[] {
  const { notebook, known } = context;
  const year = international.period;
  const notes = [notebook.reported(international)];
  const shares = sharesOf(context, year, notes);
  const split = shares.length > 0 ? t('factsheet:cooperation.split', { shares: shares.join(', ') }) : '';
  const paragraphs = [
    text(
      t('factsheet:cooperation.international', {
        amount: qualified(international.qualifier, international.value, 'USD'),
        period: year,
        split,
      }),
      ...notes,
    ),
  ];
  const national = nationalFor(known, year);
  if (national)
    paragraphs.push(
      text(
        t('factsheet:cooperation.national', {
          amount: qualified(national.qualifier, national.value, 'USD'),
          period: year,
        }),
        notebook.reported(national),
      ),
    );
  const splitYear = shares.length === 0 ? latestSplitBefore(known, year) : null;
  if (splitYear !== null) {
    const splitNotes: number[] = [];
    const earlier = sharesOf(context, splitYear, splitNotes);
    paragraphs.push(
      text(t('factsheet:cooperation.latestSplit', { period: splitYear, shares: earlier.join(', ') }), ...splitNotes),
    );
  }
  return paragraphs;
}

/**
 * International cooperation and assistance: computed from the stored funding flows of the latest
 * year with flows known on the date, unless a later year's published figure is known; otherwise the
 * published figures, quoted with their endnotes.
 */
export function cooperation(context: SectionContext): Section {
  const { notebook, known, funding } = context;
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:cooperation.question')),
    text(t('factsheet:cooperation.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  const reported = latestFigure(known, 'international_support_usd');
  const useFlows = funding !== null && (reported === null || funding.year >= Number(reported.period));
  let current: { period: string; value: number; national: number | null } | null = null;
  if (useFlows) {
    const flows = fromFlows(notebook, funding);
    paragraphs.push(...flows.paragraphs);
    current = {
      period: String(funding.year),
      value: flows.value,
      national: funding.national > 0 ? funding.national : null,
    };
  } else if (reported) {
    paragraphs.push(...fromReported(context, reported));
    current = {
      period: reported.period,
      value: reported.value,
      national: nationalFor(known, reported.period)?.value ?? null,
    };
  } else {
    paragraphs.push(text(t('factsheet:cooperation.noInternational')));
  }
  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const previous = current ? figureFor(known, 'international_support_usd', String(Number(current.period) - 1)) : null;
  if (current && previous) {
    paragraphs.push(
      text(
        t(current.value >= previous.value ? 'factsheet:cooperation.up' : 'factsheet:cooperation.down', {
          period: current.period,
          amount: qualified(previous.qualifier, previous.value, 'USD'),
          previous: previous.period,
        }),
        notebook.reported(previous),
      ),
    );
  } else {
    paragraphs.push(text(t('factsheet:cooperation.noPrevious')));
  }
  const previousNational = current ? nationalFor(known, String(Number(current.period) - 1)) : null;
  if (current && current.national !== null && previousNational) {
    paragraphs.push(
      text(
        t(
          current.national >= previousNational.value
            ? 'factsheet:cooperation.nationalUp'
            : 'factsheet:cooperation.nationalDown',
          {
            period: current.period,
            amount: qualified(previousNational.qualifier, previousNational.value, 'USD'),
            previous: previousNational.period,
          },
        ),
        notebook.reported(previousNational),
      ),
    );
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'cooperation'));
  return { id: 'cooperation', title: t('factsheet:cooperation.title'), paragraphs };
}
