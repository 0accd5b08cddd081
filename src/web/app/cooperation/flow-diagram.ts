/**
 * The funding flow diagram: donor → recipient → sector, from the flows a total counts on a date
 * (published by then, disbursements, not double counted, of the year), in whole cents. Pure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { FundingFlow } from '../api';
import { formatNumber, stateName, t } from '../i18n';

export interface DiagramLink {
  source: string;
  target: string;
  /** US$. */
  value: number;
}

const SECTOR_KEYS = {
  'clearance-risk-education': 'web:cooperation.sector.clearance-risk-education',
  'victim-assistance': 'web:cooperation.sector.victim-assistance',
  'stockpile-destruction': 'web:cooperation.sector.stockpile-destruction',
  'capacity-building': 'web:cooperation.sector.capacity-building',
  advocacy: 'web:cooperation.sector.advocacy',
  other: 'web:cooperation.sector.other',
} as const;

export const sectorName = (sector: string): string =>
  t(sector in SECTOR_KEYS ? SECTOR_KEYS[sector as keyof typeof SECTOR_KEYS] : SECTOR_KEYS.other);

/** The flows counted on `asOf` for `year`, as the server's totals count them. */
export function countedFlows(flows: readonly FundingFlow[], asOf: string, year: number): FundingFlow[] {
  return flows.filter((f) => f.published <= asOf && !f.doubleCounted && f.type === 'disbursement' && f.year === year);
}

/**
 * Links donor → recipient and recipient → sector, summed in cents. Node names carry a role
 * prefix in the key (a State may be donor and recipient); `label` is what is shown.
 */
export function diagramLinks(
  flows: readonly FundingFlow[],
  names: ReadonlyMap<string, string> = new Map(),
): { links: DiagramLink[]; labels: Map<string, string> } {
  const cents = new Map<string, number>();
  const labels = new Map<string, string>();
  const add = (source: string, target: string, value: number) => {
    const key = `${source}\u0000${target}`;
    cents.set(key, (cents.get(key) ?? 0) + value);
  };
  for (const f of flows) {
    const value = Math.round(f.usd * 100);
    const donor = `d:${f.donor.id}`;
    const recipient = `r:${f.recipient ?? 'global'}`;
    const sector = `s:${f.sector}`;
    labels.set(donor, f.donor.kind === 'state' ? stateName(f.donor.id, f.donor.name) : f.donor.name);
    labels.set(
      recipient,
      f.recipient === null
        ? t('web:cooperation.global')
        : stateName(f.recipient, names.get(f.recipient) ?? f.recipient),
    );
    labels.set(sector, sectorName(f.sector));
    add(donor, recipient, value);
    add(recipient, sector, value);
  }
  const links = [...cents]
    .map(([key, value]) => {
      const [source = '', target = ''] = key.split('\u0000');
      return { source, target, value: value / 100 };
    })
    .sort((a, b) => b.value - a.value || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return { links, labels };
}

const TEXT = '#333333';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const COLOURS = { d: '#0072B2', r: '#E69F00', s: '#009E73' } as const;

export function flowDiagramOptions(
  links: readonly DiagramLink[],
  labels: ReadonlyMap<string, string>,
  narrow = false,
): EChartsCoreOption {
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: {
        dataType?: string;
        name: string;
        value: number;
        data: { source?: string; target?: string };
      }) => {
        const amount = t('web:cooperation.usd', { amount: formatNumber(p.value) });
        const label = (key: string | undefined) => (key === undefined ? '' : (labels.get(key) ?? key));
        return p.dataType === 'edge'
          ? t('web:cooperation.diagram.link', { from: label(p.data.source), to: label(p.data.target), amount })
          : t('web:cooperation.diagram.node', { name: label(p.name), amount });
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: narrow ? 96 : 210,
        top: 8,
        bottom: 8,
        nodeWidth: narrow ? 10 : 16,
        nodeGap: narrow ? 6 : 10,
        emphasis: { focus: 'adjacency' },
        label: {
          color: TEXT,
          fontSize: narrow ? 10 : 12,
          formatter: (p: { name: string }) => labels.get(p.name) ?? p.name,
        },
        data: names.map((name) => ({
          name,
          itemStyle: { color: COLOURS[name.slice(0, 1) as keyof typeof COLOURS] ?? '#767676' },
        })),
        links: links.map((l) => ({ ...l })),
        lineStyle: { color: 'gradient', opacity: 0.35 },
      },
    ],
  };
}
