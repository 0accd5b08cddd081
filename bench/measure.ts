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

export interface Row {
  measure: string;
  value: Timing;
  baselineName: string;
  baseline: Timing;
  /** null: reported with no target. */
  targetMs: number | null;
}

const ms = (n: number): string => (n < 1 ? n.toFixed(3) : n.toFixed(1));

export function printTable(rows: readonly Row[]): void {
  const lines = [['measure', 'median ms', 'p95 ms', 'baseline', 'baseline median ms', 'ratio', 'target ms', 'verdict']];
  for (const r of rows) {
    const verdict =
      r.targetMs === null ? '(no target)' : r.value.median < r.targetMs ? 'meets target' : 'MISSES target';
    lines.push([
      r.measure,
      ms(r.value.median),
      ms(r.value.p95),
      r.baselineName,
      ms(r.baseline.median),
      `${(r.value.median / r.baseline.median).toFixed(1)}x`,
      r.targetMs === null ? '-' : String(r.targetMs),
      verdict,
    ]);
  }
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}
