/**
 * IATI activity XML (schema 2.01 to 2.03) into funding flows (README, "IATI import"): the
 * activities with DAC sector 15250 (removal of land mines and explosive remnants of war) or marked
 * for victim assistance, their disbursements and commitments kept apart, each transaction keyed by
 * its IATI identifiers so that a re-import finds it again. Every problem is collected, named by
 * activity and transaction; one problem refuses the whole file.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import countries from 'i18n-iso-countries';
import type { CalendarDate } from '../../core/date.js';
import { dateProblem } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import { type StateCode, isStateCode } from '../../core/states.js';
import { isCurrencyCode, lastYear } from '../checks.js';
import {
  type ActivityFlows,
  type Channel,
  type DonorKind,
  type ExchangeRate,
  FIRST_YEAR,
  type FlowType,
  type FundingFlow,
  type Sector,
} from '../model.js';

/** DAC 5-digit purpose code: removal of land mines and explosive remnants of war. */
export const MINE_ACTION_SECTOR = '15250';
/** IATI TransactionType codes kept: 2 outgoing commitment, 3 disbursement. */
const TYPES: Readonly<Record<string, FlowType>> = { '2': 'commitment', '3': 'disbursement' };
/** A sector or tag of the reporting organisation's own vocabulary marks victim assistance by this code or words. */
const VICTIM_ASSISTANCE = /victim[ -]assistance/i;

export interface IatiProblem {
  /** `line 4, column 7`, `activity XM-DAC-7-1`, `activity XM-DAC-7-1, transaction 2`. */
  where: string;
  expected: string;
  found: string | null;
}

export class IatiRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly IatiProblem[],
  ) {
    super(`${file}: ${problems.map(describeIatiProblem).join('; ')}`);
    this.name = 'IatiRejectedError';
  }
}

export const describeIatiProblem = (p: IatiProblem): string =>
  `${p.where}: expected ${p.expected}${p.found === null ? '' : `, found "${p.found}"`}`;

export interface IatiOptions {
  /** The source every flow cites: the IATI dataset, as a stored source. */
  source: SourceId;
  /** US$ per unit of each currency and year the file uses (US$ needs none). */
  rates: readonly ExchangeRate[];
  /** The day of the import: the default publication day, and the last year allowed is the next. */
  asOf: CalendarDate;
}

export interface IatiCounts {
  /** Activities in the file. */
  activities: number;
  /** Activities kept: DAC 15250, or marked for victim assistance. */
  kept: number;
  /** Transactions of kept activities read as flows (a transaction split over recipients counts once). */
  transactions: number;
  /** Transactions of kept activities of other types (incoming funds, expenditure, ...), by IATI code. */
  otherTypes: Record<string, number>;
  /** Transactions to a recipient country that is not one of the 197 States (Kosovo, say): left out. */
  otherRecipients: number;
}

export interface IatiRead {
  activities: ActivityFlows[];
  counts: IatiCounts;
}

// ---- the parsed XML, loosely typed: every value is checked before use ----

type Node = Record<string, unknown>;
const ARRAYS = new Set([
  'iati-activity',
  'narrative',
  'participating-org',
  'recipient-country',
  'recipient-region',
  'sector',
  'tag',
  'transaction',
]);

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);
const child = (n: Node | undefined, name: string): Node | undefined => nodes(n?.[name])[0];
const attr = (n: Node | undefined, name: string): string | null => {
  const v = n?.[`@${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const text = (n: unknown): string | null => {
  if (typeof n === 'string') return n.trim() || null;
  if (isNode(n) && typeof n['#text'] === 'string') return n['#text'].trim() || null;
  return null;
};
/** The first narrative of an element (IATI 2: text lives in `<narrative>`). */
const narrative = (n: Node | undefined): string | null => {
  const list = n?.narrative;
  for (const item of Array.isArray(list) ? list : []) {
    const t = text(item);
    if (t !== null) return t;
  }
  return null;
};

interface Org {
  ref: string | null;
  name: string | null;
  type: string | null;
}
const org = (n: Node | undefined): Org | null =>
  n === undefined ? null : { ref: attr(n, 'ref'), name: narrative(n), type: attr(n, 'type') };

/** IATI OrganisationType 60 is a foundation; the import keys every donor by its IATI organisation identifier. */
const donorKind = (o: Org): DonorKind => (o.type === '60' ? 'fund' : 'institution');

/** The channel from the receiving organisation: ICRC/IFRC by name, else by IATI OrganisationType. */
function channelOf(receiver: Org | null): Channel {
  if (receiver === null) return 'unspecified';
  if (/red cross|red crescent|\bICRC\b|\bIFRC\b/i.test(`${receiver.name ?? ''} ${receiver.ref ?? ''}`))
    return 'icrc-ifrc';
  switch (receiver.type) {
    case '10':
    case '11':
    case '15':
      return 'bilateral';
    case '40':
      return 'un';
    case '21':
    case '22':
    case '23':
    case '24':
      return 'ngo';
    default:
      return 'unspecified';
  }
}

const percentage = (n: Node): number | null => {
  const p = attr(n, 'percentage');
  return p === null ? null : Number(p);
};

interface SectorShare {
  /** Of the transaction's value, 0 to 1, attributed to mine action. */
  share: number;
  sector: Sector;
}

/**
 * Whether the sectors (and tags) keep the activity or transaction, and which share: the
 * percentage of DAC 15250 (100 % when given alone or without percentages), or all of it when
 * marked for victim assistance by the reporter's own vocabulary (98 or 99) or a tag.
 */
function sectorShare(sectors: readonly Node[], tags: readonly Node[]): SectorShare | null {
  const dac = sectors.filter((s) => (attr(s, 'vocabulary') ?? '1') === '1');
  const mine = dac.find((s) => attr(s, 'code') === MINE_ACTION_SECTOR);
  const own = [...sectors.filter((s) => ['98', '99'].includes(attr(s, 'vocabulary') ?? '')), ...tags];
  const va = own.some((s) => VICTIM_ASSISTANCE.test(`${attr(s, 'code') ?? ''} ${narrative(s) ?? ''}`));
  if (mine === undefined && !va) return null;
  const share = mine === undefined ? 1 : (percentage(mine) ?? (dac.length === 1 ? 100 : Number.NaN)) / 100;
  return { share, sector: va ? 'victim-assistance' : 'clearance-risk-education' };
}

/** Alpha-2 (IATI) to one of the 197 State codes, or null. */
function stateOf(alpha2: string | null): StateCode | null {
  const code = alpha2 === null ? undefined : countries.alpha2ToAlpha3(alpha2.toUpperCase());
  return code !== undefined && isStateCode(code) ? code : null;
}

interface RecipientShare {
  /** null: global (a region, or no country named). */
  iso3: StateCode | null;
  share: number;
  /** The IATI code when it is not one of the 197 States. */
  other: string | null;
}

function recipientsOf(countriesListed: readonly Node[], where: string, problems: IatiProblem[]): RecipientShare[] {
  if (countriesListed.length === 0) return [{ iso3: null, share: 1, other: null }];
  const shares = countriesListed.map((c) => {
    const code = attr(c, 'code');
    const iso3 = stateOf(code);
    const p = percentage(c) ?? (countriesListed.length === 1 ? 100 : Number.NaN);
    return { iso3, share: p / 100, other: iso3 === null ? (code ?? '') : null };
  });
  if (shares.some((s) => !Number.isFinite(s.share) || s.share < 0))
    problems.push({ where, expected: 'a percentage for each recipient-country (several are listed)', found: null });
  return shares;
}

const dayOf = (datetime: string | null): CalendarDate | null => {
  const day = datetime?.slice(0, 10) ?? null;
  return day !== null && dateProblem(day) === null ? (day as CalendarDate) : null;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Reads an IATI activity file into the flows of its mine-action activities; throws IatiRejectedError. */
export function readIati(xml: string, file: string, options: IatiOptions): IatiRead {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new IatiRejectedError(file, [
      { where: `line ${valid.err.line}, column ${valid.err.col}`, expected: 'well-formed XML', found: valid.err.msg },
    ]);
  const parsed: unknown = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    isArray: (name) => ARRAYS.has(name),
  }).parse(xml);
  const root = isNode(parsed) ? child(parsed, 'iati-activities') : undefined;
  if (root === undefined)
    throw new IatiRejectedError(file, [{ where: 'root', expected: 'an <iati-activities> element', found: null }]);
  const version = attr(root, 'version');
  if (version === null || !/^2\.0[1-3]$/.test(version))
    throw new IatiRejectedError(file, [
      { where: '<iati-activities>', expected: 'version="2.01", "2.02" or "2.03"', found: version },
    ]);

  const problems: IatiProblem[] = [];
  const counts: IatiCounts = { activities: 0, kept: 0, transactions: 0, otherTypes: {}, otherRecipients: 0 };
  const activities: ActivityFlows[] = [];
  const seen = new Set<string>();
  const fileDay = dayOf(attr(root, 'generated-datetime'));
  for (const [a, activity] of nodes(root['iati-activity']).entries()) {
    counts.activities += 1;
    const id = text(activity['iati-identifier']);
    if (id === null) {
      problems.push({ where: `activity ${a + 1}`, expected: 'an <iati-identifier>', found: null });
      continue;
    }
    const where = `activity ${id}`;
    if (seen.has(id)) problems.push({ where, expected: 'each iati-identifier once in a file', found: id });
    seen.add(id);
    const activitySectors = sectorShare(nodes(activity.sector), nodes(activity.tag));
    const transactions = nodes(activity.transaction);
    const keptByTransaction = transactions.some(
      (t) => sectorShare(nodes(t.sector), []) !== null && nodes(t.sector).length > 0,
    );
    if (activitySectors === null && !keptByTransaction) continue;
    counts.kept += 1;

    const reporting = org(child(activity, 'reporting-org'));
    const funders = nodes(activity['participating-org']).filter((p) => attr(p, 'role') === '1');
    const funder = funders.length === 1 ? org(funders[0]) : null;
    const published = dayOf(attr(activity, 'last-updated-datetime')) ?? fileDay ?? options.asOf;
    const title = narrative(child(activity, 'title')) ?? '';
    const defaultCurrency = attr(activity, 'default-currency');
    const flows: FundingFlow[] = [];
    const activityRecipients = nodes(activity['recipient-country']);

    for (const [i, t] of transactions.entries()) {
      const ref = attr(t, 'ref') ?? String(i + 1);
      const at = `${where}, transaction ${ref}`;
      const typeCode = attr(child(t, 'transaction-type'), 'code') ?? '';
      const type = TYPES[typeCode];
      if (type === undefined) {
        counts.otherTypes[typeCode] = (counts.otherTypes[typeCode] ?? 0) + 1;
        continue;
      }
      const ownSectors = nodes(t.sector);
      const sector = ownSectors.length > 0 ? sectorShare(ownSectors, nodes(activity.tag)) : activitySectors;
      if (sector === null) continue;
      if (!Number.isFinite(sector.share) || sector.share < 0 || sector.share > 1) {
        problems.push({
          where: at,
          expected: `a percentage for sector ${MINE_ACTION_SECTOR} (several are listed)`,
          found: null,
        });
        continue;
      }
      counts.transactions += 1;
      const valueRaw: unknown = Array.isArray(t.value) ? (t.value as unknown[])[0] : t.value;
      const valueNode = isNode(valueRaw) ? valueRaw : undefined;
      const valueText = text(valueRaw);
      const value = valueText === null ? Number.NaN : Number(valueText);
      if (!Number.isFinite(value)) {
        problems.push({ where: at, expected: 'a <value> that is a number', found: valueText });
        continue;
      }
      if (value < 0) {
        problems.push({
          where: at,
          expected: 'a value of 0 or more (IATI has no reversal flag: enter a correction as a flow with reversal)',
          found: valueText,
        });
        continue;
      }
      const currency = attr(valueNode, 'currency') ?? defaultCurrency;
      if (currency === null) {
        problems.push({
          where: at,
          expected: 'a currency (value/@currency or the activity default-currency)',
          found: null,
        });
        continue;
      }
      if (!isCurrencyCode(currency)) {
        problems.push({ where: at, expected: 'an ISO 4217 currency code such as USD or EUR', found: currency });
        continue;
      }
      const dateText = attr(child(t, 'transaction-date'), 'iso-date') ?? attr(valueNode, 'value-date');
      const day = dayOf(dateText);
      if (day === null || dateText?.length !== 10) {
        problems.push({ where: at, expected: 'a transaction-date iso-date, YYYY-MM-DD', found: dateText });
        continue;
      }
      const year = Number(day.slice(0, 4));
      if (year < FIRST_YEAR || year > lastYear(options.asOf)) {
        problems.push({ where: at, expected: `a year from ${FIRST_YEAR} to ${lastYear(options.asOf)}`, found: day });
        continue;
      }
      const rate = currency === 'USD' ? null : options.rates.find((r) => r.currency === currency && r.year === year);
      if (rate === undefined) {
        problems.push({
          where: at,
          expected: `an exchange rate for ${currency} in ${year} (US$ per unit, with its source)`,
          found: null,
        });
        continue;
      }
      const provider = org(child(t, 'provider-org'));
      const donorOrg = provider?.ref !== null && provider !== null ? provider : (funder ?? reporting);
      if (donorOrg === null || (donorOrg.ref === null && donorOrg.name === null)) {
        problems.push({
          where: at,
          expected: 'a donor: provider-org, a funding participating-org or reporting-org',
          found: null,
        });
        continue;
      }
      const receiver = org(child(t, 'receiver-org'));
      const ownCountries = nodes(t['recipient-country']);
      const recipients = recipientsOf(ownCountries.length > 0 ? ownCountries : activityRecipients, at, problems);
      for (const r of recipients) {
        if (r.other !== null) {
          counts.otherRecipients += 1;
          continue;
        }
        const amount = round2(value * sector.share * r.share);
        const usd = rate === null ? amount : round2(amount * rate.usdPerUnit);
        const split = recipients.length > 1 ? `@${r.iso3 ?? 'global'}` : '';
        flows.push({
          donor: {
            id: donorOrg.ref ?? donorOrg.name ?? '',
            name: donorOrg.name ?? donorOrg.ref ?? '',
            kind: donorKind(donorOrg),
          },
          recipient: r.iso3,
          channel: channelOf(receiver),
          via: receiver?.ref ?? null,
          sector: sector.sector,
          year,
          type,
          funding: 'international',
          amount,
          currency,
          exchangeRate: rate === null ? null : rate.usdPerUnit,
          rateSource: rate === null ? null : rate.source,
          usd,
          reversal: false,
          doubleCounted: false,
          published,
          iati: { activity: id, key: `${id}#${ref}${split}` },
          sources: [options.source],
          notes: title,
        });
      }
    }
    const keys = new Set<string>();
    for (const f of flows) {
      const key = f.iati?.key ?? '';
      if (keys.has(key)) problems.push({ where, expected: 'each transaction ref once in an activity', found: key });
      keys.add(key);
    }
    if (flows.length > 0) activities.push({ activity: id, flows });
  }
  if (problems.length > 0) throw new IatiRejectedError(file, problems);
  return { activities, counts };
}
