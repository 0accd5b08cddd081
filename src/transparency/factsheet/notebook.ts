import type { CalendarDate } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import { t } from '../../i18n/index.js';
import type { Source } from '../../sources/model.js';
import type { ReportedFigure } from '../model.js';
import type { Endnote, FigureUse, Paragraph } from './model.js';
import { longDate } from './words.js';

/** The id a computed figure gives as its source. */
export const COMPUTED_SOURCE_ID = 'minefree';

/** Title of a source without the web address folded into it (the address is kept apart). */
export function sourceTitle(source: Source | undefined, id: SourceId): string {
  if (!source) return id;
  return (
    source.title
      .replace(/,?\s*\(?https?:\/\/[^\s)]+\)?/g, '')
      .replace(/\s+/g, ' ')
      .trim() || id
  );
}

/**
 * Collects the figures a fact sheet uses and gives each its endnote. Figures citing the same
 * source and page share a note, so the endnotes read like a document's, not a database dump.
 */
export class Notebook {
  readonly figures: FigureUse[] = [];
  readonly endnotes: Endnote[] = [];
  private readonly noteByKey = new Map<string, number>();
  private readonly used = new Set<string>();

  /** Lists a figure once, however many sentences use it. */
  private use(figure: FigureUse): void {
    const key = `${figure.id}|${figure.period}|${figure.source.id}|${figure.value}`;
    if (this.used.has(key)) return;
    this.used.add(key);
    this.figures.push(figure);
  }

  constructor(
    readonly asOf: CalendarDate,
    private readonly sources: ReadonlyMap<SourceId, Source>,
  ) {}

  private note(key: string, text: string, url: string | null): number {
    const existing = this.noteByKey.get(key);
    if (existing !== undefined) return existing;
    const n = this.endnotes.length + 1;
    this.endnotes.push({ n, text, url });
    this.noteByKey.set(key, n);
    return n;
  }

  /** A published figure: its endnote names the source, its date, and the document it cites. */
  reported(figure: ReportedFigure): number {
    const source = this.sources.get(figure.source);
    const title = sourceTitle(source, figure.source);
    const published = figure.published ? t('factsheet:note.published', { date: longDate(figure.published) }) : '';
    const cited = figure.citedDocument
      ? figure.citedPage
        ? t('factsheet:note.citedPage', { document: figure.citedDocument, page: figure.citedPage })
        : t('factsheet:note.cited', { document: figure.citedDocument })
      : '';
    const n = this.note(
      `${figure.source}|${figure.citedDocument ?? ''}|${figure.citedPage ?? ''}`,
      t('factsheet:note.reported', { cited, title, published, source: figure.source }),
      source?.url ?? null,
    );
    this.use({
      id: figure.indicator,
      period: figure.period,
      value: figure.value,
      qualifier: figure.qualifier,
      unit: figure.unit,
      computed: false,
      source: { id: figure.source, title, published: figure.published, page: figure.citedPage },
      note: n,
    });
    return n;
  }

  /** A figure minefree computed from its own records on the as-of date. */
  computed(id: string, value: number, unit: string, method: string): number {
    const n = this.note(
      `computed|${method}`,
      t('factsheet:note.computed', { date: longDate(this.asOf), method }),
      null,
    );
    this.use({
      id,
      period: this.asOf,
      value,
      qualifier: 'exact',
      unit,
      computed: true,
      source: {
        id: COMPUTED_SOURCE_ID,
        title: t('factsheet:note.computedSource', { method }),
        published: null,
        page: null,
      },
      note: n,
    });
    return n;
  }

  /** A note on a fact that is not a figure (an action plan, a list of States). */
  fact(key: string, text: string, url: string | null = null): number {
    return this.note(`fact|${key}`, text, url);
  }
}

const sentence = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
const distinct = (notes: number[]): number[] => [...new Set(notes)].sort((a, b) => a - b);

export const text = (value: string, ...notes: number[]): Paragraph => ({
  kind: 'text',
  text: sentence(value),
  notes: distinct(notes),
});
export const bullet = (value: string, ...notes: number[]): Paragraph => ({
  kind: 'bullet',
  text: sentence(value),
  notes: distinct(notes),
});
export const heading = (value: string): Paragraph => ({ kind: 'heading', text: value, notes: [] });
