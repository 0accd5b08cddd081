import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../../core/date.js';
import { loadReference } from '../../treaty/reference.js';
import { TreatyEngine } from '../../treaty/status.js';
import { globalStockpiles } from '../../stockpiles/answers.js';
import { loadLedgers } from '../../stockpiles/reference.js';
import { figuresKnownOn } from '../editions.js';
import { buildFactSheet } from './build.js';
import { factSheetInputFromReference } from './from-reference.js';
import type { FactSheet } from './model.js';
import { amount } from './words.js';

const DATES = ['1999-03-01', '2010-01-01', '2018-03-01', '2026-11-28'];
const sheets = new Map<string, { sheet: FactSheet; input: ReturnType<typeof factSheetInputFromReference> }>();
for (const date of DATES) {
  const input = factSheetInputFromReference(parseDate(date));
  sheets.set(date, { sheet: buildFactSheet(input), input });
}
const get = (date: string): NonNullable<ReturnType<typeof sheets.get>> => {
  const entry = sheets.get(date);
  if (!entry) throw new Error(date);
  return entry;
};

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Numbers a sentence states, once dates, years, article and action numbers are taken out. */
function statedNumbers(text: string): string[] {
  const stripped = text
    .replace(new RegExp(`\\b\\d{1,2} (${MONTHS}) \\d{4}`, 'g'), ' ')
    .replace(new RegExp(`\\b(${MONTHS}) \\d{4}`, 'g'), ' ')
    .replace(/\b\d{4}-\d{2}(-\d{2})?\b/g, ' ')
    .replace(/\b\d{4}-\d{4}\b/g, ' ')
    .replace(/\bArticles? \d+(\.\d+)?( to \d+\.\d+)?/g, ' ')
    .replace(/\bAction \d+/g, ' ')
    .replace(/\b(19|20)\d{2}\b/g, ' ');
  return [...stripped.matchAll(/\d[\d,]*(\.\d+)?( million)?/g)].map((m) => m[0]);
}

describe.each(DATES)('the fact sheet for %s', (date) => {
  const asOf: CalendarDate = parseDate(date);

  it("uses the engine's counts, computed, not a reported one", () => {
    const { sheet, input } = get(date);
    const summary = input.engine.summary(asOf);
    const figure = (id: string): number | undefined => sheet.figures.find((f) => f.id === id && f.computed)?.value;
    expect(figure('states_parties')).toBe(summary.statesParties);
    expect(figure('states_not_party')).toBe(summary.notParty);
  });

  it('takes each reported figure from the latest edition known on the date', () => {
    const { sheet, input } = get(date);
    const known = figuresKnownOn(input.figures, asOf);
    for (const f of sheet.figures.filter((x) => !x.computed && x.id !== 'stockpile_remaining')) {
      const match = known.find((k) => k.indicator === f.id && k.period === f.period && k.source === f.source.id);
      expect(match?.value, `${f.id} ${f.period}`).toBe(f.value);
      expect(f.source.published !== null && f.source.published <= asOf).toBe(true);
    }
  });

  it('gives every figure and every cited sentence an endnote, and every endnote is cited', () => {
    const { sheet } = get(date);
    const notes = new Set(sheet.endnotes.map((n) => n.n));
    for (const f of sheet.figures) expect(notes.has(f.note)).toBe(true);
    const cited = new Set(sheet.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.notes)));
    for (const n of cited) expect(notes.has(n)).toBe(true);
    expect([...notes].every((n) => cited.has(n))).toBe(true);
  });

  it('states no number that is not one of its figures', () => {
    const { sheet } = get(date);
    const allowed = new Set(sheet.figures.flatMap((f) => [amount(f.value), String(f.value)]));
    allowed.add('197'); // the States the Convention is open to (src/core/states.ts)
    for (const section of sheet.sections) {
      for (const p of section.paragraphs) {
        for (const n of statedNumbers(p.text)) expect(allowed.has(n), `"${n}" in "${p.text}"`).toBe(true);
      }
    }
  });

  it("states the stockpile ledger's counts, computed as GET /stockpiles computes them", () => {
    const { sheet } = get(date);
    const { facts, sources } = loadReference();
    const engine = new TreatyEngine(facts);
    const global = globalStockpiles(engine, loadLedgers(sources, engine), asOf, null);
    const figure = (id: string): number | undefined => sheet.figures.find((f) => f.id === id && f.computed)?.value;
    const orNone = (n: number): number | undefined => (n === 0 ? undefined : n);
    expect(figure('states_parties_no_stockpile')).toBe(orNone(global.noStockpile));
    expect(figure('states_parties_holding_stockpiles')).toBe(orNone(global.holding.length));
    expect(figure('states_parties_missed_article4_deadline')).toBe(orNone(global.missed.length));
  });

  it('has the sections of the ICRC fact sheet', () => {
    expect(get(date).sheet.sections.map((s) => s.id)).toEqual([
      'headline',
      'universalization',
      'stockpile-destruction',
      'mine-clearance',
      'victim-assistance',
      'cooperation',
      'conclusion',
    ]);
  });
});

describe('a different date gives a different, true text', () => {
  const text = (date: string): string => JSON.stringify(get(date).sheet.sections);
  it('names the latest State to join on each date', () => {
    expect(text('2018-03-01')).toContain(
      'State of Palestine being the latest State to join, by accession on 29 December 2017',
    );
    expect(text('2026-11-28')).toContain('Tonga being the latest State to join, by accession on 25 June 2025');
  });
  it('names the withdrawals in effect and pending', () => {
    expect(text('2018-03-01')).toContain('No State has withdrawn');
    expect(text('2026-11-28')).toContain("Ukraine's withdrawal is pending");
    expect(text('2026-11-28')).toContain('Poland (20 February 2026)');
  });
  it('lists the States that missed their Article 4 deadline and still have no completion recorded', () => {
    expect(text('2018-03-01')).toMatch(
      /Greece \(1 March 2008\).*Ukraine \(1 June 2010\) missed their four-year deadline/,
    );
    expect(text('2010-01-01')).toMatch(/Belarus \(1 March 2008\)/);
  });
  it('takes from the stockpile ledger the States holding stock and those that completed late', () => {
    expect(text('2018-03-01')).toContain(
      '4 States Parties still held stockpiled AP mines on this date: Greece, Oman, Sri Lanka and Ukraine.',
    );
    expect(text('2018-03-01')).toContain('8 States Parties had missed their four-year deadline by this date.');
    expect(text('2026-11-28')).toMatch(/Belarus \(deadline 2008, completed 5 April 2017\)/);
  });
  it('takes "what needs to be done" from the plan in force', () => {
    expect(text('2010-01-01')).toContain('No action plan had been adopted by this date');
    expect(text('2018-03-01')).toContain('The Maputo Action Plan (2014-2019)');
    expect(text('2026-11-28')).toContain('Siem Reap-Angkor Action Plan');
  });
});
