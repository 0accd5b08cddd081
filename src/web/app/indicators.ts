/**
 * Readable names for the indicators of reported figures (the `id` of a figure, as in
 * data/reported_figures_icrc_2018.csv), grouped by the part of the Convention they are about.
 * The names are in the catalogue (`web:indicators.name.<id>`); an indicator missing here is
 * still listed, under "Other figures", by its id.
 */
import { t } from './i18n';

export interface IndicatorGroup {
  label: string;
  indicators: { id: string; label: string }[];
}

type GroupKey =
  | 'web:indicators.group.universalization'
  | 'web:indicators.group.stockpiles'
  | 'web:indicators.group.clearance'
  | 'web:indicators.group.victims'
  | 'web:indicators.group.cooperation';

const NAME = {
  states_parties: 'web:indicators.name.states_parties',
  states_not_party: 'web:indicators.name.states_not_party',
  states_ever_produced_ap_mines: 'web:indicators.name.states_ever_produced_ap_mines',
  states_ended_production: 'web:indicators.name.states_ended_production',
  stockpiled_mines_destroyed_since_1997: 'web:indicators.name.stockpiled_mines_destroyed_since_1997',
  stockpiled_mines_destroyed_in_year: 'web:indicators.name.stockpiled_mines_destroyed_in_year',
  stockpiled_mines_destroyed_total_all_states: 'web:indicators.name.stockpiled_mines_destroyed_total_all_states',
  states_parties_completed_destruction: 'web:indicators.name.states_parties_completed_destruction',
  states_parties_holding_stockpiles: 'web:indicators.name.states_parties_holding_stockpiles',
  states_parties_with_stockpiles: 'web:indicators.name.states_parties_with_stockpiles',
  states_parties_with_stockpile_obligation: 'web:indicators.name.states_parties_with_stockpile_obligation',
  states_parties_without_stockpile_obligation: 'web:indicators.name.states_parties_without_stockpile_obligation',
  stockpile_declared_belarus: 'web:indicators.name.stockpile_declared_belarus',
  stockpile_remaining_greece_ukraine: 'web:indicators.name.stockpile_remaining_greece_ukraine',
  states_parties_contaminated: 'web:indicators.name.states_parties_contaminated',
  states_parties_completed_article5: 'web:indicators.name.states_parties_completed_article5',
  area_cleared_km2: 'web:indicators.name.area_cleared_km2',
  ap_mines_destroyed_in_clearance: 'web:indicators.name.ap_mines_destroyed_in_clearance',
  casualties_mines_erw: 'web:indicators.name.casualties_mines_erw',
  states_parties_significant_victims: 'web:indicators.name.states_parties_significant_victims',
  states_parties_victims_implementing_programmes: 'web:indicators.name.states_parties_victims_implementing_programmes',
  states_parties_va_coordination_mechanism: 'web:indicators.name.states_parties_va_coordination_mechanism',
  states_parties_va_plan: 'web:indicators.name.states_parties_va_plan',
  states_parties_va_survivor_participation: 'web:indicators.name.states_parties_va_survivor_participation',
  international_support_usd: 'web:indicators.name.international_support_usd',
  national_support_usd: 'web:indicators.name.national_support_usd',
  total_support_usd: 'web:indicators.name.total_support_usd',
  affected_states_self_funding_usd: 'web:indicators.name.affected_states_self_funding_usd',
  international_support_victim_assistance_usd: 'web:indicators.name.international_support_victim_assistance_usd',
  international_support_share_clearance_risk_education:
    'web:indicators.name.international_support_share_clearance_risk_education',
  international_support_share_victim_assistance: 'web:indicators.name.international_support_share_victim_assistance',
  international_support_share_stockpile_destruction:
    'web:indicators.name.international_support_share_stockpile_destruction',
  donors: 'web:indicators.name.donors',
} as const;

type Indicator = keyof typeof NAME;

const GROUPS: readonly { label: GroupKey; ids: readonly Indicator[] }[] = [
  {
    label: 'web:indicators.group.universalization',
    ids: ['states_parties', 'states_not_party', 'states_ever_produced_ap_mines', 'states_ended_production'],
  },
  {
    label: 'web:indicators.group.stockpiles',
    ids: [
      'stockpiled_mines_destroyed_since_1997',
      'stockpiled_mines_destroyed_in_year',
      'stockpiled_mines_destroyed_total_all_states',
      'states_parties_completed_destruction',
      'states_parties_holding_stockpiles',
      'states_parties_with_stockpiles',
      'states_parties_with_stockpile_obligation',
      'states_parties_without_stockpile_obligation',
      'stockpile_declared_belarus',
      'stockpile_remaining_greece_ukraine',
    ],
  },
  {
    label: 'web:indicators.group.clearance',
    ids: [
      'states_parties_contaminated',
      'states_parties_completed_article5',
      'area_cleared_km2',
      'ap_mines_destroyed_in_clearance',
    ],
  },
  {
    label: 'web:indicators.group.victims',
    ids: [
      'casualties_mines_erw',
      'states_parties_significant_victims',
      'states_parties_victims_implementing_programmes',
      'states_parties_va_coordination_mechanism',
      'states_parties_va_plan',
      'states_parties_va_survivor_participation',
    ],
  },
  {
    label: 'web:indicators.group.cooperation',
    ids: [
      'international_support_usd',
      'national_support_usd',
      'total_support_usd',
      'affected_states_self_funding_usd',
      'international_support_victim_assistance_usd',
      'international_support_share_clearance_risk_education',
      'international_support_share_victim_assistance',
      'international_support_share_stockpile_destruction',
      'donors',
    ],
  },
];

const isNamed = (id: string): id is Indicator => Object.hasOwn(NAME, id);

/** The readable name of an indicator; its id when it has none. */
export function indicatorLabel(id: string): string {
  return isNamed(id) ? t(NAME[id]) : id;
}

/** The given indicators in their groups, in the order of the table above; unknown ones last, by id. */
export function groupIndicators(ids: Iterable<string>): IndicatorGroup[] {
  const present = new Set(ids);
  const groups: IndicatorGroup[] = [];
  for (const group of GROUPS) {
    const indicators = group.ids.filter((id) => present.has(id)).map((id) => ({ id, label: t(NAME[id]) }));
    if (indicators.length > 0) groups.push({ label: t(group.label), indicators });
  }
  const other = [...present]
    .filter((id) => !isNamed(id))
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((id) => ({ id, label: id }));
  if (other.length > 0) groups.push({ label: t('web:indicators.other'), indicators: other });
  return groups;
}
