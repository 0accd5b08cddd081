import { type Article5Workflow, paths } from '../api';
import { areaWords } from '../clearance-series';
import { formatDate } from '../dates';
import { useApi } from '../use-api';

type Request = Article5Workflow['requests'][number];

function decisionWords(request: Request): string {
  const d = request.decision;
  if (d === null) return 'not decided yet';
  if (!d.granted) return `not granted (${d.meeting}, ${formatDate(d.date)})`;
  return `granted by the ${d.meeting} on ${formatDate(d.date)}${d.newDeadline === null ? '' : `: new deadline ${formatDate(d.newDeadline)}`}`;
}

/**
 * The latest Article 5 extension request and its yearly work plan against the land released
 * (Art. 5.4 asks for the plan; the committee's first question is whether the State keeps to it).
 * Says nothing when no request is recorded.
 */
export function ExtensionPlan({ iso3, asOf }: { iso3: string; asOf: string }) {
  const loaded = useApi<Article5Workflow>(paths.article5(iso3, asOf), { keepPrevious: true });
  if (loaded.state !== 'ready' || loaded.data.requests.length === 0) return null;
  const { requests, plan, completion } = loaded.data;
  const latest = requests.find((r) => r.id === plan?.requestId) ?? requests.at(-1);
  if (latest === undefined) return null;
  return (
    <section aria-labelledby="extension-plan-heading" data-testid="extension-plan">
      <h3 id="extension-plan-heading">Extension request and work plan</h3>
      <p>
        Latest request, submitted on {formatDate(latest.submitted)}: a deadline of{' '}
        {formatDate(latest.requestedDeadline)}, with {areaWords(latest.remainingAreaM2)} stated as remaining
        {latest.budgetUsd === null ? '' : ` and a budget of US$${latest.budgetUsd.toLocaleString('en')}`};{' '}
        {decisionWords(latest)}.
        {requests.length > 1
          ? ` ${requests.length - 1} earlier request${requests.length > 2 ? 's' : ''} on record.`
          : ''}
        {completion.obligation.state === 'completed' && completion.obligation.declared !== null
          ? ` Completion declared on ${formatDate(completion.obligation.declared)}.`
          : ''}
        {completion.obligation.state === 'reopened'
          ? ` Completion was declared, then ${completion.obligation.reopenedBy.length} previously unknown area(s) were recorded: the obligation is open again.`
          : ''}
      </p>
      {plan === null || plan.years.length === 0 ? null : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption>Planned release against land released, year by year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Planned</th>
                <th scope="col">Released</th>
                <th scope="col">Against the plan</th>
              </tr>
            </thead>
            <tbody>
              {plan.years.map((y) => (
                <tr key={y.year} className={y.differenceM2 !== null && y.differenceM2 < 0 ? 'behind' : undefined}>
                  <th scope="row">{y.year}</th>
                  <td>{areaWords(y.plannedM2)}</td>
                  <td>
                    {y.releasedM2 === null ? 'not started' : `${areaWords(y.releasedM2)}${y.complete ? '' : ' so far'}`}
                  </td>
                  <td>
                    {y.differenceM2 === null
                      ? ''
                      : y.differenceM2 < 0
                        ? `behind by ${areaWords(-y.differenceM2)}`
                        : `ahead by ${areaWords(y.differenceM2)}`}
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
