import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import { sourceTitle } from './factsheet/notebook.js';
import type { ReportedFigure } from './model.js';

/** A reported figure in the documented JSON shape (README, `minefree figures --json`). */
export interface FigureJson {
  id: string;
  scope: string;
  period: string;
  value: number;
  qualifier: ReportedFigure['qualifier'];
  unit: string;
  computed: false;
  edition: string | null;
  source: {
    id: SourceId;
    title: string;
    published: string | null;
    page: string | null;
    citedDocument: string | null;
    url: string | null;
  };
}

export function figureJson(f: ReportedFigure, sources: ReadonlyMap<SourceId, Source>): FigureJson {
  const source = sources.get(f.source);
  return {
    id: f.indicator,
    scope: f.scope,
    period: f.period,
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    computed: false,
    edition: f.edition,
    source: {
      id: f.source,
      title: sourceTitle(source, f.source),
      published: f.published,
      page: f.citedPage,
      citedDocument: f.citedDocument,
      url: source?.url ?? null,
    },
  };
}
