/** data/sources.csv into Source records: the list every other reference file cites. */
import { join } from 'node:path';
import { type CsvRow, readCsv } from '../core/csv.js';
import type { DataProblem } from '../core/errors.js';
import { DataError } from '../core/errors.js';
import { FieldReader, type Validated } from '../core/field-reader.js';
import { SOURCE_ID_PATTERN, type SourceId } from '../core/source.js';
import type { Source } from './model.js';

export const SOURCES_FILE = 'sources.csv';
export const SOURCES_COLUMNS = ['id', 'title', 'url', 'published'] as const;

export function sourcesFromRows(rows: readonly CsvRow[]): Validated<Map<SourceId, Source>> {
  const sources = new Map<SourceId, Source>();
  const firstLine = new Map<string, number>();
  const problems: DataProblem[] = [];
  for (const row of rows) {
    const reader = new FieldReader(row);
    const id = row.get('id');
    const seen = firstLine.get(id);
    if (!SOURCE_ID_PATTERN.test(id)) reader.report('id', 'a source id such as S02 or S53b');
    else if (seen !== undefined)
      reader.report('id', `a source id not listed before (${id} is already on line ${seen})`);
    else firstLine.set(id, row.line);
    const title = reader.required('title', 'the title or description of the source');
    const url = row.get('url');
    if (url !== '' && !/^https?:\/\/\S+$/.test(url)) reader.report('url', 'an http(s) address or nothing');
    const published = reader.partialDate('published');
    problems.push(...reader.problems);
    if (reader.ok) sources.set(id, { id, title, url: url === '' ? null : url, published });
  }
  return { value: sources, problems };
}

/** The sources of `dir`, or every problem of sources.csv as one DataError. */
export function readSources(dir: string): Map<SourceId, Source> {
  const { value, problems } = sourcesFromRows(readCsv(join(dir, SOURCES_FILE), SOURCES_FILE, SOURCES_COLUMNS));
  if (problems.length > 0) throw new DataError(problems);
  return value;
}
