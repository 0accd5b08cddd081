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
    expect(text('2026-11-28')).toContain('Poland (20 February 2026)');
    // Ukraine's notified "suspension" of July 2025 is not an Article 20 instrument (data/treaty_notices.csv).
    expect(text('2026-11-28')).not.toContain("Ukraine's withdrawal is pending");
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
    // Djibouti's completion on 2 March 2003, one day after its deadline (Landmine Monitor, K133), counts as missed;
    // so does Mauritius's of 27 November 2003 (deadline 1 March 2003; LM2004, K399).
    expect(text('2018-03-01')).toContain('10 States Parties had missed their four-year deadline by this date.');
    expect(text('2026-11-28')).toMatch(/Belarus \(deadline 2008, completed 5 April 2017\)/);
  });
  it('quotes the latest stock the ledger records declared by a State still holding, with its qualifier and source', () => {
    // Greece: "1.6 million remaining" in April 2008 (ICBL, S30); 325,413 in June 2024 (ICBL, S33).
    expect(text('2018-03-01')).toContain('Greece still held about 1.6 million AP mines on 2 April 2008.');
    expect(text('2026-11-28')).toContain('Greece still held 325,413 AP mines in June 2024.');
    expect(text('2026-11-28')).toContain('Ukraine still held 3,364,433 AP mines in June 2024.');
  });
  it('takes "what needs to be done" from the plan in force', () => {
    expect(text('2010-01-01')).toContain('No action plan had been adopted by this date');
    expect(text('2018-03-01')).toContain('The Maputo Action Plan (2014-2019)');
    expect(text('2026-11-28')).toContain('Siem Reap-Angkor Action Plan');
  });
});

describe('the cooperation section: from the stored flows where they hold the year, else the published figures', () => {
  const section = (sheet: FactSheet) => sheet.sections.find((s) => s.id === 'cooperation');
  const sectionText = (sheet: FactSheet): string => JSON.stringify(section(sheet)?.paragraphs.map((p) => p.text));

  it('as of 2018-03-01, with no flow stored: 2016 (LM2017) quoted; for 2015 LM2017’s revision supersedes the June 2017 figures the seed quotes, the sector split (not revised) stays', () => {
    const { sheet } = get('2018-03-01');
    const body = sectionText(sheet);
    expect(body).toContain('Donors provided US$479.5 million of international support for mine action in 2016.');
    expect(body).toContain('International support in 2016 was up from US$394 million in 2015.');
    expect(body).toContain("Affected States' own funding in 2016 was down from US$131.2 million in 2015.");
    expect(body).toContain(
      'The latest split by sector known on this date is for 2015: 64% to clearance and risk education, 7% to victim assistance, 1% to stockpile destruction.',
    );
    const split = sheet.figures.find(
      (f) => f.id === 'international_support_share_clearance_risk_education' && f.period === '2015',
    );
    expect(split?.source.id).toBe('S00');
    expect(sheet.endnotes.find((n) => n.n === split?.note)?.text).toContain('Global Support for Mine Action');
  });

  it.each([
    // The seed quotes an ICBL factsheet of June 2017: its figures are known from that month's last day,
    // not from the day the seed itself was published, and until LM2017 revised them on 14 December 2017.
    ['2017-06-29', 'S95', 340_100_000],
    ['2017-06-30', 'S00', 352_000_000],
    ['2017-12-13', 'S00', 352_000_000],
    ['2017-12-14', 'S320', 394_000_000],
  ])('on %s the 2015 international support known is from %s (%s)', (asOf, source, value) => {
    const sheet = buildFactSheet(factSheetInputFromReference(parseDate(asOf)));
    const figure = sheet.figures.find((f) => f.id === 'international_support_usd' && f.period === '2015');
    expect([figure?.source.id, figure?.value]).toEqual([source, value]);
  });

  const funding = {
    year: 2023,
    flows: 3,
    international: 1_282_520,
    national: 250_000,
    bySector: [
      { sector: 'clearance-risk-education', share: 0.805 },
      { sector: 'victim-assistance', share: 0.195 },
    ],
    sources: ['S101'],
  };
  const withFlows = (date: string): FactSheet =>
    buildFactSheet({ ...factSheetInputFromReference(parseDate(date)), funding });

  // Up to the day before Landmine Monitor 2025 (1 Dec 2025) published the 2024 figure.
  it.each(['2024-06-30', '2025-11-30'])('as of %s, flows of 2023 stored: the figures computed from them', (date) => {
    const sheet = withFlows(date);
    const body = sectionText(sheet);
    expect(body).toContain(
      "Donors provided US$1,282,520 of international support for mine action in 2023, as recorded in minefree's funding flows.",
    );
    expect(body).toContain('80.5% to clearance and risk education, 19.5% to victim assistance');
    expect(body).toContain('Affected States contributed US$250,000 to their own programmes in 2023');
    const figure = sheet.figures.find((f) => f.id === 'international_support_usd' && f.computed);
    expect(figure?.value).toBe(1_282_520);
    const note = sheet.endnotes.find((n) => n.n === figure?.note);
    expect(note?.text).toContain('3 funding flows (disbursements) of 2023');
    expect(note?.text).toContain('S101');
    // Every number stated is one of the sheet's figures.
    const allowed = new Set(sheet.figures.flatMap((f) => [amount(f.value), String(f.value)]));
    for (const p of section(sheet)?.paragraphs ?? [])
      for (const n of statedNumbers(p.text)) expect(allowed.has(n), `"${n}" in "${p.text}"`).toBe(true);
  });

  it.each([
    ['2025-12-01', 'the day Landmine Monitor 2025 published 2024'],
    ['2026-11-28', 'a year later'],
  ])('as of %s (%s), the published 2024 figure wins over the flows of 2023', (date) => {
    const body = sectionText(withFlows(date));
    expect(body).toContain(
      'Donors provided more than US$760 million of international support for mine action in 2024.',
    );
    expect(body).not.toContain("minefree's funding flows");
  });

  it('a later published year wins over older flows', () => {
    const sheet = buildFactSheet({
      ...factSheetInputFromReference(parseDate('2024-06-30')),
      funding: { ...funding, year: 2015 },
    });
    expect(sectionText(sheet)).not.toContain("minefree's funding flows");
  });
});

describe('the victim assistance section: counted from the frameworks data when complete, else the published counts', () => {
  const section = (sheet: FactSheet) => sheet.sections.find((s) => s.id === 'victim-assistance');
  const sectionText = (sheet: FactSheet): string => JSON.stringify(section(sheet)?.paragraphs.map((p) => p.text));
  const complete = (states: number) => ({
    states,
    complete: true,
    counts: {
      significantNumberOfVictims: states,
      withCoordinationMechanism: 22,
      withPlanInForce: 14,
      withSurvivorParticipation: 19,
    },
    sources: ['V1', 'V2'],
  });
  const withFrameworks = (date: string, frameworks: ReturnType<typeof complete>): FactSheet =>
    buildFactSheet({ ...factSheetInputFromReference(parseDate(date)), frameworks });

  it('as of 2018-03-01, data/ covers some States, not all: the published 2017 counts stand, the coverage said with its endnote', () => {
    const { sheet, input } = get('2018-03-01');
    // Fewer States than the 31 published, and most of them without a mechanism, plan or participation stated.
    expect(input.frameworks).toMatchObject({ complete: false });
    const states = input.frameworks?.states ?? 0;
    expect(states).toBeGreaterThan(1);
    expect(states).toBeLessThan(31);
    const body = sectionText(sheet);
    expect(body).toContain('31 States Parties reported significant numbers of mine victims (2017).');
    expect(body).toContain('20 of them had a coordination mechanism for victim assistance (2017).');
    expect(body).not.toContain("States' records");
    expect(body).toContain(`Minefree's records of victim assistance frameworks cover ${states} States`);
    const figure = sheet.figures.find((f) => f.id === 'va_frameworks_states');
    expect(figure?.value).toBe(states);
    expect(sheet.endnotes.find((n) => n.n === figure?.note)?.text).toContain('victim_assistance_frameworks.csv');
  });

  it('as of 2010-01-01, before any framework observation: no coverage sentence', () => {
    const { sheet, input } = get('2010-01-01');
    expect(input.frameworks).toBeNull();
    expect(sectionText(sheet)).not.toContain('victim assistance frameworks cover');
  });

  it.each(['2018-03-01', '2026-11-28'])('as of %s, frameworks complete for 31 States: the counts computed', (date) => {
    const sheet = withFrameworks(date, complete(31));
    const body = sectionText(sheet);
    expect(body).toContain('31 States Parties had significant numbers of mine victims on');
    expect(body).toContain("computed from 31 States' records.");
    expect(body).toContain('22 of them had a coordination mechanism for victim assistance.');
    expect(body).toContain('14 had a national plan for victim assistance in force.');
    expect(body).toContain('19 involved survivors in their coordination.');
    expect(body).not.toContain('(2017)');
    const figure = sheet.figures.find((f) => f.id === 'states_parties_va_plan' && f.computed);
    expect(figure?.value).toBe(14);
    const note = sheet.endnotes.find((n) => n.n === figure?.note)?.text;
    expect(note).toContain('31 States with significant numbers of victims');
    expect(note).toContain('V1, V2');
    const allowed = new Set(sheet.figures.flatMap((f) => [amount(f.value), String(f.value)]));
    for (const p of section(sheet)?.paragraphs ?? [])
      for (const n of statedNumbers(p.text)) expect(allowed.has(n), `"${n}" in "${p.text}"`).toBe(true);
  });

  it('complete but fewer States than the published count: the published counts stand', () => {
    const sheet = withFrameworks('2018-03-01', complete(3));
    const body = sectionText(sheet);
    expect(body).toContain('31 States Parties reported significant numbers of mine victims (2017).');
    expect(body).not.toContain("States' records");
  });
});
