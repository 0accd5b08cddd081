// The reference data checked as data (issue 14): every Article 4 and 5 fact has a source, and the
// engine never shows a deadline older than the latest decision known on the date.
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { latestDay } from '../core/partial-date.js';
import { article5OriginalDeadline, extensionsInEffectFrom } from './article5.js';
import { loadReference } from './reference.js';
import { TreatyEngine } from './status.js';

const reference = loadReference();
const { facts, sources, meetings } = reference;
const engine = new TreatyEngine(facts);
const article5 = [...facts.article5.values()];

describe('every Article 4 and 5 fact has a source listed in sources.csv', () => {
  const known = (ids: readonly string[] | undefined): boolean =>
    ids !== undefined && ids.length > 0 && ids.every((id) => sources.has(id as never));
  it.each(article5.map((r) => [r.iso3, r] as const))('Article 5 of %s', (_, record) => {
    expect(known(record.sources)).toBe(true);
    for (const e of record.extensions) expect(known(e.sources), `extension to ${e.deadline}`).toBe(true);
    for (const d of record.declarations ?? []) expect(known(d.sources), `declaration ${d.declared}`).toBe(true);
    for (const r of record.reopenings ?? []) expect(known(r.sources), `re-opening ${r.reported}`).toBe(true);
  });
  it.each([...facts.article4.values()].filter((r) => r.completed !== null).map((r) => [r.iso3, r] as const))(
    'Article 4 completion of %s',
    (_, record) => {
      expect(known(record.sources)).toBe(true);
    },
  );
  it('every meeting has its days and a source', () => {
    for (const m of meetings.values()) {
      expect(m.end, m.code).not.toBeNull();
      expect(m.sources.length, m.code).toBeGreaterThan(0);
    }
  });
});

describe('no current deadline is older than the latest decision known on the date', () => {
  // Each meeting's last day, the day before it, and the as-of date of issue 14.
  const dates = [
    ...[...meetings.values()].flatMap((m) => (m.end === null ? [] : [m.end, dayBefore(m.end)])),
    parseDate('2026-11-30'),
  ];
  function dayBefore(day: CalendarDate): CalendarDate {
    const t = new Date(`${day}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() - 1);
    return parseDate(t.toISOString().slice(0, 10));
  }
  const cases = article5.flatMap((r) => dates.map((asOf) => [r.iso3, asOf, r] as const));
  it.each(cases)('%s on %s', (iso3, asOf, record) => {
    const state = engine.state(iso3, asOf);
    if (state?.status !== 'state-party' || state.entryIntoForce === null) return;
    const knownFrom = record.currentDeadlineAsOf === null ? null : latestDay(record.currentDeadlineAsOf);
    const from = extensionsInEffectFrom(record.extensions, knownFrom);
    const latest = record.extensions.filter((_, i) => (from[i] ?? '9999-12-31') <= asOf).at(-1);
    const reopenedAfter =
      state.article5.reopened !== null &&
      (latest?.granted == null || latestDay(latest.granted) <= latestDay(state.article5.reopened));
    const expected = reopenedAfter
      ? null
      : latest === undefined
        ? article5OriginalDeadline(state.entryIntoForce)
        : latest.deadline;
    expect(state.article5.currentDeadline).toBe(expected);
  });
});
