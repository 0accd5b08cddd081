/**
 * Readable names for the indicators of reported figures (the `id` of a figure, as in
 * data/reported_figures_icrc_2018.csv), grouped by the part of the Convention they are about.
 * An indicator missing here is still listed, under "Other figures", by its id.
 */

export interface IndicatorGroup {
  label: string;
  indicators: { id: string; label: string }[];
}

const GROUPS: readonly { label: string; labels: Readonly<Record<string, string>> }[] = [
  {
    label: 'Universalization',
    labels: {
      states_parties: 'States Parties (count as published)',
      states_not_party: 'States not party (count as published)',
      states_ever_produced_ap_mines: 'States that have ever produced anti-personnel mines',
      states_ended_production: 'States that have stopped producing anti-personnel mines',
    },
  },
  {
    label: 'Destruction of stockpiled anti-personnel mines (Article 4)',
    labels: {
      stockpiled_mines_destroyed_since_1997:
        'Stockpiled anti-personnel mines destroyed by States Parties (running total)',
      stockpiled_mines_destroyed_in_year: 'Stockpiled anti-personnel mines destroyed (per year)',
      stockpiled_mines_destroyed_total_all_states:
        'Stockpiled anti-personnel mines destroyed by all States, party or not (total)',
      states_parties_completed_destruction: 'States Parties that completed the destruction of their stockpiles',
      states_parties_holding_stockpiles: 'States Parties yet to complete the destruction of their stockpiles',
      states_parties_with_stockpiles: 'States Parties holding stockpiled anti-personnel mines',
      states_parties_with_stockpile_obligation: 'States Parties still under the obligation to destroy stockpiles',
      states_parties_without_stockpile_obligation:
        'States Parties no longer under the obligation to destroy stockpiles',
      stockpile_declared_belarus: 'Stockpiled anti-personnel mines declared by Belarus',
      stockpile_remaining_greece_ukraine: 'Stockpiled anti-personnel mines remaining in Greece and Ukraine',
    },
  },
  {
    label: 'Clearance of mined areas (Article 5)',
    labels: {
      states_parties_contaminated: 'States Parties with mined areas still to clear',
      states_parties_completed_article5: 'States Parties that completed the clearance of mined areas',
      area_cleared_km2: 'Land cleared of mines (square kilometres, per year)',
      ap_mines_destroyed_in_clearance: 'Anti-personnel mines destroyed in clearance (per year)',
    },
  },
  {
    label: 'Casualties and assistance to mine victims',
    labels: {
      casualties_mines_erw: 'Casualties of mines and explosive remnants of war (per year)',
      states_parties_significant_victims: 'States Parties with significant numbers of mine victims',
      states_parties_victims_implementing_programmes: 'States Parties carrying out victim assistance programmes',
      states_parties_va_coordination_mechanism: 'States Parties with a victim assistance coordination mechanism',
      states_parties_va_plan: 'States Parties with a victim assistance plan',
      states_parties_va_survivor_participation:
        'States Parties where survivors take part in victim assistance coordination',
    },
  },
  {
    label: 'International cooperation and assistance (Article 6)',
    labels: {
      international_support_usd: 'International support for mine action (US dollars, per year)',
      national_support_usd: 'National support: affected States funding their own mine action (US dollars, per year)',
      total_support_usd: 'Total support for mine action, international and national (US dollars, per year)',
      affected_states_self_funding_usd: 'Affected States contributing to their own programmes (US dollars, per year)',
      international_support_victim_assistance_usd: 'International support for victim assistance (US dollars, per year)',
      international_support_share_clearance_risk_education:
        'Share of international support for clearance and risk education (per cent)',
      international_support_share_victim_assistance: 'Share of international support for victim assistance (per cent)',
      international_support_share_stockpile_destruction:
        'Share of international support for stockpile destruction (per cent)',
      donors: 'Donors of international support for mine action (per year)',
    },
  },
];

const OTHER = 'Other figures';

/** The readable name of an indicator; its id when it has none. */
export function indicatorLabel(id: string): string {
  for (const group of GROUPS) {
    const label = group.labels[id];
    if (label !== undefined) return label;
  }
  return id;
}

/** The given indicators in their groups, in the order of the table above; unknown ones last, by id. */
export function groupIndicators(ids: Iterable<string>): IndicatorGroup[] {
  const present = new Set(ids);
  const groups: IndicatorGroup[] = [];
  const placed = new Set<string>();
  for (const group of [...GROUPS, { label: OTHER, labels: {} }]) {
    const indicators =
      group.label === OTHER
        ? [...present].filter((id) => !placed.has(id)).map((id) => ({ id, label: id }))
        : Object.entries(group.labels)
            .filter(([id]) => present.has(id))
            .map(([id, label]) => ({ id, label }));
    for (const indicator of indicators) placed.add(indicator.id);
    if (group.label === OTHER) indicators.sort((a, b) => a.id.localeCompare(b.id, 'en'));
    if (indicators.length > 0) groups.push({ label: group.label, indicators });
  }
  return groups;
}
