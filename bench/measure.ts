/** Timing helpers for benchmarks: medians and 95th percentiles of repeated runs, in milliseconds. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

export async function time(runs: number, body: () => unknown, warmup = Math.min(20, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * Two bodies timed in alternation (a, b, a, b, ...): a change in the machine's load (other
 * processes) falls on both, so their ratio holds even when the times do not. A body that times
 * itself (work done in another process) returns its milliseconds, used instead of the wall clock.
 */
export async function timePair(
  runs: number,
  a: () => unknown,
  b: () => unknown,
  warmup = Math.min(5, runs),
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  const [as, bs]: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i += 1) {
    for (const [body, samples] of [
      [a, as],
      [b, bs],
    ] as const) {
      const start = performance.now();
      const own = await body();
      samples.push(typeof own === 'number' ? own : performance.now() - start);
    }
  }
  return [summarise(as), summarise(bs)];
}

export interface Row {
  measure: string;
  value: Timing;
  baselineName: string;
  baseline: Timing;
  targetMs: number;
  /** When set, the target is this ratio to the baseline (value median ≤ ratio × baseline median), not targetMs. */
  targetRatio?: number;
}

const ms = (n: number): string => (n < 1 ? n.toFixed(3) : n.toFixed(1));

export function printTable(rows: readonly Row[]): void {
  const lines = [['measure', 'median ms', 'p95 ms', 'baseline', 'baseline median ms', 'ratio', 'target', 'verdict']];
  for (const r of rows) {
    const ratio = r.value.median / r.baseline.median;
    const met = r.targetRatio === undefined ? r.value.median < r.targetMs : ratio <= r.targetRatio;
    const verdict = met ? 'meets target' : 'MISSES target';
    lines.push([
      r.measure,
      ms(r.value.median),
      ms(r.value.p95),
      r.baselineName,
      ms(r.baseline.median),
      `${ratio.toFixed(r.targetRatio === undefined ? 1 : 2)}x`,
      r.targetRatio === undefined ? `${r.targetMs} ms` : `ratio ≤ ${r.targetRatio.toFixed(1)}`,
      verdict,
    ]);
  }
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}
