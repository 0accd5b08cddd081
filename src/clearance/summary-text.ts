/** The `minefree clearance ISO3` answer for people: a few lines, figures rounded to what is meaningful. */
import { m2Text as m2 } from './calendar.js';
import type { ClearanceSummary } from './model.js';

const VERDICT: Record<ClearanceSummary['forecast']['verdict'], string> = {
  'on-track': 'on track (even the low case meets the deadline)',
  'at-risk': 'at risk (the mean case meets the deadline, the low case does not)',
  'off-track': 'off track (the mean case misses the deadline)',
  unknown: 'unknown (no deadline, or no release in the last three complete years)',
};

export function clearanceText(s: ClearanceSummary, stateName: string): string {
  const lines = [
    `${stateName} (${s.iso3}): mine clearance on ${s.asOf}${s.synthetic ? ' (SYNTHETIC DEMO DATA)' : ''}`,
    '',
  ];
  const { sha, cha } = s.open;
  if (sha.count + cha.count === 0 && s.released.length === 0) {
    lines.push('No hazard areas recorded.');
    return lines.join('\n');
  }
  lines.push(
    `Open: ${cha.count.toLocaleString('en')} confirmed (CHA) ${m2(cha.areaM2)}, ${sha.count.toLocaleString('en')} suspected (SHA) ${m2(sha.areaM2)}; remaining ${m2(sha.areaM2 + cha.areaM2)}`,
  );
  for (const r of s.released.slice(-5)) {
    lines.push(
      `Released in ${r.year}: ${m2(r.cancelledM2 + r.reducedM2 + r.clearedM2)} (cancelled ${m2(r.cancelledM2)}, reduced ${m2(r.reducedM2)}, cleared ${m2(r.clearedM2)})`,
    );
  }
  const devices = new Map<number, number>();
  for (const d of s.devicesDestroyed) devices.set(d.year, (devices.get(d.year) ?? 0) + d.count);
  for (const [year, count] of [...devices].slice(-3))
    lines.push(`Devices destroyed in ${year}: ${count.toLocaleString('en')}`);
  const differences = s.reconciliation.filter((r) => r.differenceM2 !== 0);
  lines.push(
    differences.length === 0
      ? 'Reconciliation: every year balances (remaining = previous − released + newly recorded)'
      : `Reconciliation: differences in ${differences.map((r) => `${r.year} (${m2(r.differenceM2)})`).join(', ')}`,
  );
  lines.push(`Article 5 deadline: ${s.deadline ?? 'none known'}`);
  const f = s.forecast;
  lines.push(
    `Forecast completion: ${f.completion ?? 'never at recent rates'}${f.low !== f.high ? ` (between ${f.high ?? '?'} and ${f.low ?? 'never'})` : ''}`,
  );
  lines.push(`Verdict: ${VERDICT[f.verdict]}`);
  return lines.join('\n');
}
