import { type Article5Workflow, paths } from '../api';
import { areaWords } from '../clearance-series';
import { formatDate } from '../dates';
import { formatNumber, t, useT } from '../i18n';
import { useApi } from '../use-api';

type Request = Article5Workflow['requests'][number];

function decisionWords(request: Request): string {
  const d = request.decision;
  if (d === null) return t('web:extension.notDecided');
  if (!d.granted) return t('web:extension.notGranted', { meeting: d.meeting, date: formatDate(d.date) });
  return d.newDeadline === null
    ? t('web:extension.granted', { meeting: d.meeting, date: formatDate(d.date) })
    : t('web:extension.grantedDeadline', {
        meeting: d.meeting,
        date: formatDate(d.date),
        deadline: formatDate(d.newDeadline),
      });
}

/**
 * The latest Article 5 extension request and its yearly work plan against the land released
 * (Art. 5.4 asks for the plan; the committee's first question is whether the State keeps to it).
 * Says nothing when no request is recorded.
 */
export function ExtensionPlan({ iso3, asOf }: { iso3: string; asOf: string }) {
  const t = useT();
  const loaded = useApi<Article5Workflow>(paths.article5(iso3, asOf), { keepPrevious: true });
  if (loaded.state !== 'ready' || loaded.data.requests.length === 0) return null;
  const { requests, plan, completion } = loaded.data;
  const latest = requests.find((r) => r.id === plan?.requestId) ?? requests.at(-1);
  if (latest === undefined) return null;
  return (
    <section aria-labelledby="extension-plan-heading" data-testid="extension-plan">
      <h3 id="extension-plan-heading">{t('web:extension.heading')}</h3>
      <p>
        {t('web:extension.latest', {
          submitted: formatDate(latest.submitted),
          deadline: formatDate(latest.requestedDeadline),
          area: areaWords(latest.remainingAreaM2),
          budget:
            latest.budgetUsd === null ? '' : t('web:extension.budget', { amount: formatNumber(latest.budgetUsd) }),
          decision: decisionWords(latest),
        })}
        {requests.length > 1 ? t('web:extension.earlier', { count: requests.length - 1 }) : ''}
        {completion.obligation.state === 'completed' && completion.obligation.declared !== null
          ? t('web:extension.completed', { date: formatDate(completion.obligation.declared) })
          : ''}
        {completion.obligation.state === 'reopened'
          ? t('web:extension.reopened', { count: completion.obligation.reopenedBy.length })
          : ''}
      </p>
      {plan === null || plan.years.length === 0 ? null : (
        // Four columns: one card per year below 36rem (styles.css, .stack-narrow).
        // A scroll box: focusable and named, so a keyboard user can scroll it (axe: scrollable-region-focusable).
        <div className="table-scroll stack-narrow" tabIndex={0} role="region" aria-label={t('web:extension.caption')}>
          <table className="plan-table">
            <caption>{t('web:extension.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web:extension.year')}</th>
                <th scope="col">{t('web:extension.planned')}</th>
                <th scope="col">{t('web:extension.released')}</th>
                <th scope="col">{t('web:extension.against')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.years.map((y) => (
                <tr key={y.year} className={y.differenceM2 !== null && y.differenceM2 < 0 ? 'behind' : undefined}>
                  <th scope="row">{y.year}</th>
                  <td data-label={t('web:extension.planned')}>{areaWords(y.plannedM2)}</td>
                  <td data-label={t('web:extension.released')}>
                    {y.releasedM2 === null
                      ? t('web:extension.notStarted')
                      : y.complete
                        ? areaWords(y.releasedM2)
                        : t('web:extension.soFar', { area: areaWords(y.releasedM2) })}
                  </td>
                  <td data-label={t('web:extension.against')}>
                    {y.differenceM2 === null
                      ? ''
                      : y.differenceM2 < 0
                        ? t('web:extension.behind', { area: areaWords(-y.differenceM2) })
                        : t('web:extension.ahead', { area: areaWords(y.differenceM2) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
