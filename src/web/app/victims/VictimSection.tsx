import { type CasualtyBreakdowns, type StateVictims, paths } from '../api';
import { ChartTable } from '../components/ChartTable';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatDate } from '../dates';
import { formatNumber, useT } from '../i18n';
import { useApi } from '../use-api';
import { type Bar, Bars } from './Bars';
import { FrameworkHistory } from './FrameworkHistory';
import { SeriesChart } from './SeriesChart';
import './victims.css';

type Cell = CasualtyBreakdowns['bySex'][number];

const MECHANISM_WORDS = {
  'victim-assistance': 'web:victims.state.mechanism.victim-assistance',
  disability: 'web:victims.state.mechanism.disability',
} as const;
const PLAN_WORDS = {
  'in-force': 'web:victims.state.planState.in-force',
  expired: 'web:victims.state.planState.expired',
  none: 'web:victims.state.planState.none',
} as const;
const SEX_WORDS: Record<string, 'web:victims.sex.female' | 'web:victims.sex.male' | 'web:victims.sex.unknown'> = {
  female: 'web:victims.sex.female',
  male: 'web:victims.sex.male',
  unknown: 'web:victims.sex.unknown',
};
const STATUS_WORDS: Record<
  string,
  | 'web:victims.status.civilian'
  | 'web:victims.status.military'
  | 'web:victims.status.deminer'
  | 'web:victims.status.unknown'
> = {
  civilian: 'web:victims.status.civilian',
  military: 'web:victims.status.military',
  deminer: 'web:victims.status.deminer',
  unknown: 'web:victims.status.unknown',
};

/** The framework on the date as a timeline: the mechanism from its start, the plan from its start to its end. */
function FrameworkTimeline({ v }: { v: StateVictims }) {
  const t = useT();
  const yesNo = (b: boolean | null) =>
    b === null ? t('web:victims.state.notFound') : b ? t('web:victims.state.yes') : t('web:victims.state.no');
  return (
    <>
      <h3 id="victim-framework-heading">{t('web:victims.state.frameworkHeading')}</h3>
      <ul className="victim-timeline" aria-labelledby="victim-framework-heading" data-testid="victim-framework">
        <li>
          {t('web:victims.state.significant')} {yesNo(v.significantNumberOfVictims)}
        </li>
        <li data-testid="victim-mechanism">
          {v.coordination === null ? (
            t('web:victims.state.mechanismNotFound')
          ) : v.coordination.type === 'none' ? (
            t('web:victims.state.mechanismNone')
          ) : (
            <>
              {t(MECHANISM_WORDS[v.coordination.type])}{' '}
              {v.coordination.since === null ? null : (
                <>
                  {t('web:victims.state.since')} <DateText date={v.coordination.since} />
                </>
              )}
            </>
          )}
        </li>
        <li data-testid="victim-plan">
          {v.plan === null ? (
            t('web:victims.state.planNotFound')
          ) : v.plan.title === null ? (
            t('web:victims.state.planNone')
          ) : (
            <>
              {t('web:victims.state.plan', {
                title: v.plan.title,
                from: v.plan.from === null ? t('web:date.notFound') : formatDate(v.plan.from),
                to: v.plan.to === null ? t('web:date.notFound') : formatDate(v.plan.to),
                state: t(PLAN_WORDS[v.plan.state]),
              })}
            </>
          )}
        </li>
        <li>
          {t('web:victims.state.participation')} {yesNo(v.survivorParticipation)}
        </li>
      </ul>
    </>
  );
}

const cellText = (c: { count: number | null; suppressed: boolean }, withheld: string, none: string): string =>
  c.suppressed || c.count === null ? (c.suppressed ? withheld : none) : formatNumber(c.count);

function Breakdown({
  id,
  heading,
  cells,
  label,
}: {
  id: string;
  heading: string;
  cells: readonly Cell[];
  label: (key: string) => string;
}) {
  const t = useT();
  const withheld = t('web:victims.withheld');
  const bars: Bar[] = cells.map((c) => ({ label: label(c.key), value: c.suppressed ? null : c.count }));
  return (
    <div data-testid={`victim-by-${id}`}>
      <h4 id={`victim-by-${id}-heading`}>{heading}</h4>
      <Bars bars={bars} label={heading} />
      <ChartTable
        caption={heading}
        columns={[t('web:victims.state.category'), t('web:victims.state.casualties')]}
        rows={cells.map((c) => [label(c.key), cellText(c, withheld, withheld)])}
      />
    </div>
  );
}

/** The State page's victim assistance section: the framework on the date and the casualty records' public aggregates. */
export function VictimSection({ iso3, asOf }: { iso3: string; asOf: string }) {
  const t = useT();
  const answer = useApi<StateVictims>(paths.stateVictims(iso3, asOf), { keepPrevious: true });
  const breakdowns = useApi<CasualtyBreakdowns>(paths.victimBreakdowns(iso3, asOf), { keepPrevious: true });
  const v = answer.state === 'ready' ? answer.data : null;
  const b = breakdowns.state === 'ready' ? breakdowns.data : null;
  const withheld = t('web:victims.withheld');
  const hasRecords = v !== null && v.casualties.length > 0;
  return (
    <section aria-labelledby="victims-heading" data-testid="state-victims">
      <h2 id="victims-heading">{t('web:victims.state.heading')}</h2>
      {v === null ? <LoadStatus loaded={answer} what={t('web:victims.what')} /> : <FrameworkTimeline v={v} />}
      <FrameworkHistory iso3={iso3} asOf={asOf} />
      {v === null ? null : !hasRecords ? (
        <p data-testid="victim-no-records">{t('web:victims.state.noRecords')}</p>
      ) : (
        <>
          <h3 id="victim-casualties-heading">{t('web:victims.state.casualtiesHeading')}</h3>
          {v.synthetic ? (
            <p className="note" data-testid="victim-synthetic">
              {t('web:victims.state.synthetic')}
            </p>
          ) : null}
          <p className="note">{t('web:victims.state.suppressionNote')}</p>
          <Bars
            bars={v.casualties.map((c) => ({ label: String(c.year), value: c.total }))}
            label={t('web:victims.state.byYear')}
            testId="victim-by-year"
          />
          <ChartTable
            caption={t('web:victims.state.byYear')}
            columns={[
              t('web:victims.years.year'),
              t('web:victims.state.killed'),
              t('web:victims.state.injured'),
              t('web:victims.years.total'),
            ]}
            rows={v.casualties.map((c) => [
              String(c.year),
              c.killed === null ? withheld : formatNumber(c.killed),
              c.injured === null ? withheld : formatNumber(c.injured),
              c.total === null ? withheld : formatNumber(c.total),
            ])}
          />
          <h4 id="victim-series-heading">{t('web:victims.state.seriesHeading')}</h4>
          {v.series.some((y) => y.published !== null) ? (
            <>
              <p className="note">{t('web:victims.state.seriesIntro')}</p>
              <SeriesChart
                series={v.series}
                label={t('web:victims.state.seriesLabel')}
                caption={t('web:victims.state.seriesHeading')}
                testId="victim-series"
              />
            </>
          ) : (
            <p className="note" data-testid="victim-series-none">
              {t('web:victims.state.seriesNoPublished')}
            </p>
          )}
          {b === null ? (
            <LoadStatus loaded={breakdowns} what={t('web:victims.what')} />
          ) : (
            <div className="victim-charts">
              <Breakdown
                id="sex"
                heading={t('web:victims.state.bySex')}
                cells={b.bySex}
                label={(k) => t(SEX_WORDS[k] ?? 'web:victims.sex.unknown')}
              />
              <Breakdown
                id="age"
                heading={t('web:victims.state.byAge')}
                cells={b.byAgeBand}
                label={(k) => (k === 'unknown' ? t('web:victims.ageUnknown') : k)}
              />
              <Breakdown
                id="status"
                heading={t('web:victims.state.byStatus')}
                cells={b.byStatus}
                label={(k) => t(STATUS_WORDS[k] ?? 'web:victims.status.unknown')}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
