/** The `minefree clearance ISO3` answer for people: a few lines, figures rounded to what is meaningful. */
import { formatInteger, t } from '../i18n/index.js';
import type { ClearanceSummary } from './model.js';

const m2 = (value: number): string => t('cli:clearanceText.m2', { value: formatInteger(value) });
const VERDICT = {
  'on-track': 'cli:clearanceText.verdictWords.on-track',
  'at-risk': 'cli:clearanceText.verdictWords.at-risk',
  'off-track': 'cli:clearanceText.verdictWords.off-track',
  unknown: 'cli:clearanceText.verdictWords.unknown',
} as const satisfies Record<ClearanceSummary['forecast']['verdict'], string>;

export function clearanceText(s: ClearanceSummary, stateName: string): string {
  const lines = [
    t('cli:clearanceText.title', {
      name: stateName,
      iso3: s.iso3,
      date: s.asOf,
      synthetic: s.synthetic ? t('common:synthetic') : '',
    }),
    '',
  ];
  const { sha, cha } = s.open;
  if (sha.count + cha.count === 0 && s.released.length === 0) {
    lines.push(t('cli:clearanceText.none'));
    return lines.join('\n');
  }
  lines.push(
    t('cli:clearanceText.open', {
      cha: formatInteger(cha.count),
      chaArea: m2(cha.areaM2),
      sha: formatInteger(sha.count),
      shaArea: m2(sha.areaM2),
      remaining: m2(sha.areaM2 + cha.areaM2),
    }),
  );
  for (const r of s.released.slice(-5)) {
    lines.push(
      t('cli:clearanceText.released', {
        year: r.year,
        total: m2(r.cancelledM2 + r.reducedM2 + r.clearedM2),
        cancelled: m2(r.cancelledM2),
        reduced: m2(r.reducedM2),
        cleared: m2(r.clearedM2),
      }),
    );
  }
  const devices = new Map<number, number>();
  for (const d of s.devicesDestroyed) devices.set(d.year, (devices.get(d.year) ?? 0) + d.count);
  for (const [year, count] of [...devices].slice(-3)) lines.push(t('cli:clearanceText.devices', { year, count }));
  const differences = s.reconciliation.filter((r) => r.differenceM2 !== 0);
  lines.push(
    differences.length === 0
      ? t('cli:clearanceText.balanced')
      : t('cli:clearanceText.differences', {
          years: differences
            .map((r) => t('cli:clearanceText.difference', { year: r.year, area: m2(r.differenceM2) }))
            .join(', '),
        }),
  );
  lines.push(t('cli:clearanceText.deadline', { deadline: s.deadline ?? t('cli:clearanceText.noDeadline') }));
  const f = s.forecast;
  lines.push(
    t('cli:clearanceText.forecast', {
      completion: f.completion ?? t('cli:clearanceText.never'),
      range:
        f.low !== f.high
          ? t('cli:clearanceText.range', {
              high: f.high ?? t('cli:clearanceText.unknownDate'),
              low: f.low ?? t('cli:clearanceText.neverShort'),
            })
          : '',
    }),
  );
  lines.push(t('cli:clearanceText.verdict', { verdict: t(VERDICT[f.verdict]) }));
  return lines.join('\n');
}
