// Builds data/sources.csv (id,title,url,published) from the source tables of data/SOURCES*.md.
// Run: npx tsx scripts/build-sources.ts [data-dir]   (default: this repository's data/)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partialDateProblem } from '../src/core/partial-date.js';

interface SourceRow {
  id: string;
  title: string;
  url: string;
  published: string;
  file: string;
}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
const ID = /^[A-Z]\d+[a-z]?$/;
const URL_PATTERN = /https?:\/\/[^\s<>|]+/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/** A date cell that says the source is undated or dated only approximately gives no date. */
const NO_DATE = /^(n\.d\.|undated|c\.|after\b|—$|-$)/i;

function firstUrl(text: string): string {
  const match = URL_PATTERN.exec(text);
  if (!match) return '';
  let url = match[0].replace(/[.,;:]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1);
  return url.replace(/[.,;:]+$/, '');
}

const pad = (n: number): string => String(n).padStart(2, '0');
const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The first date written in the cell, as YYYY, YYYY-MM or YYYY-MM-DD; '' when the cell gives none. */
function firstPartialDate(cell: string, where: string): string {
  const text = cell.trim();
  if (text === '' || NO_DATE.test(text)) return '';
  const candidates: { index: number; value: string }[] = [];
  const iso = /(?<![\d-])(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])/.exec(text);
  if (iso) candidates.push({ index: iso.index, value: [iso[1], iso[2], iso[3]].filter(Boolean).join('-') });
  const dayMonthYear = new RegExp(`\\b(\\d{1,2}) ${MONTH_NAME} (\\d{4})\\b`).exec(text);
  if (dayMonthYear) {
    const [, day = '', name = '', year = ''] = dayMonthYear;
    candidates.push({ index: dayMonthYear.index, value: `${year}-${pad(month(name))}-${pad(Number(day))}` });
  }
  const monthYear = new RegExp(`\\b${MONTH_NAME} (\\d{4})\\b`).exec(text);
  if (monthYear) {
    const [, name = '', year = ''] = monthYear;
    candidates.push({ index: monthYear.index, value: `${year}-${pad(month(name))}` });
  }
  const first = candidates.sort((a, b) => a.index - b.index)[0];
  if (!first) throw new Error(`${where}: no date found in "${text}"`);
  const problem = partialDateProblem(first.value);
  if (problem !== null) throw new Error(`${where}: "${first.value}" from "${text}" is not a date: expected ${problem}`);
  return first.value;
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

function splitRow(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(clean);
}

/** Rows of every table whose first header cell is `id` or `#` (the source lists). */
function tableSources(file: string, text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let header: string[] | null = null;
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim().startsWith('|')) {
      header = null;
      continue;
    }
    const cells = splitRow(line);
    if (header === null) {
      header = cells.map((c) => c.toLowerCase());
      continue;
    }
    const id = cells[0] ?? '';
    if (!['id', '#'].includes(header[0] ?? '') || !ID.test(id)) continue;
    const where = `${file}, line ${index + 1}`;
    const column = (name: string): string => cells[header?.findIndex((h) => h.startsWith(name)) ?? -1] ?? '';
    if (header.includes('publisher')) {
      // Tables of the form | id | publisher | title | published (day) | address | page/section | ...
      const page = column('page');
      const title = [column('publisher'), column('title'), page].filter((t) => t !== '').join(', ');
      const published = firstPartialDate(column('published'), where);
      rows.push({ id, title: title.replace(/`/g, ''), url: firstUrl(column('address')), published, file });
      continue;
    }
    const source = column('source');
    const supports = column('what it supports');
    const url = firstUrl(source);
    const beyondUrl = clean(source.replace(url, '').replace(/^[\s,;]+|[\s,;]+$/g, ''));
    const title = supports === '' ? source : beyondUrl === '' ? supports : `${supports} (source: ${source})`;
    rows.push({ id, title: title.replace(/`/g, ''), url, published: firstPartialDate(column('date'), where), file });
  }
  return rows;
}

/** Sources described in prose: "Source S00: <description> (…)." */
function proseSources(file: string, text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const match of text.matchAll(/^Source ([A-Z]\d+[a-z]?): ([\s\S]*?\))\./gm)) {
    const [, id = '', description = ''] = match;
    const title = clean(description);
    rows.push({ id, title, url: firstUrl(title), published: firstPartialDate(title, `${file}, ${id}`), file });
  }
  return rows;
}

function naturalKey(id: string): [string, number, string] {
  const match = /^([A-Z]+)(\d+)([a-z]*)$/.exec(id);
  return [match?.[1] ?? id, Number(match?.[2] ?? 0), match?.[3] ?? ''];
}

function compareIds(a: string, b: string): number {
  const [pa, na, sa] = naturalKey(a);
  const [pb, nb, sb] = naturalKey(b);
  return pa.localeCompare(pb) || na - nb || sa.localeCompare(sb);
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function buildSources(dir: string): SourceRow[] {
  const files = readdirSync(dir)
    .filter((f) => /^SOURCES.*\.md$/.test(f))
    .sort();
  const byId = new Map<string, SourceRow>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const row of [...tableSources(file, text), ...proseSources(file, text)]) {
      const seen = byId.get(row.id);
      if (seen) throw new Error(`source ${row.id} is listed twice: in ${seen.file} and in ${row.file}`);
      byId.set(row.id, row);
    }
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

function main(dir: string): void {
  const rows = buildSources(dir);
  const lines = [
    'id,title,url,published',
    ...rows.map((r) => [r.id, r.title, r.url, r.published].map(csvField).join(',')),
  ];
  const out = join(dir, 'sources.csv');
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${rows.length} sources to ${out}`);
}

main(process.argv[2] ?? DATA_DIR);
