import type { FigurePoint, FigureStatus } from '../figure-series';
import { editionName, figureWords, periodWords } from '../figure-words';
import { DateText } from './DateText';

const STATUS_WORDS: Record<FigureStatus, string> = {
  known: 'Known on this date',
  replaced: 'Replaced by a later edition',
  'not-yet': 'Not yet published',
  undated: 'Publication date not given',
};

function SourceCell({ point }: { point: FigurePoint }) {
  const { source } = point.figure;
  return (
    <>
      {source.url === null ? (
        <span className="source-id">{source.id}</span>
      ) : (
        <a className="source-id" href={source.url} target="_blank" rel="noopener noreferrer">
          {source.id}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      )}{' '}
      <span className="source-title">{source.title}</span>
      {source.citedDocument !== null ? (
        <span className="source-meta">
          citing {source.citedDocument}
          {source.page !== null ? `, p. ${source.page}` : ''}
        </span>
      ) : source.page !== null ? (
        <span className="source-meta">p. {source.page}</span>
      ) : null}
      {source.url === null ? <span className="source-meta">no web address recorded</span> : null}
    </>
  );
}

interface Props {
  points: readonly FigurePoint[];
  /** The chosen date, as words: "1 January 2019". */
  asOfWords: string;
  caption: string;
}

/** Every figure of the indicator, each with its edition and source: the chart's accessible alternative. */
export function FiguresTable({ points, asOfWords, caption }: Props) {
  return (
    <div className="table-scroll figures-table-scroll">
      <table className="figures-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Figure</th>
            <th scope="col">Edition</th>
            <th scope="col">Source</th>
            <th scope="col">Published</th>
            <th scope="col">On {asOfWords}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point, i) => {
            const { figure, status } = point;
            const newPeriod =
              i === 0 || points[i - 1]?.figure.period !== figure.period || points[i - 1]?.figure.scope !== figure.scope;
            const known = status === 'known';
            return (
              <tr
                key={point.key}
                className={[known ? 'known' : '', newPeriod ? 'period-start' : ''].join(' ').trim() || undefined}
                data-status={status}
              >
                <th scope="row">{periodWords(figure.period)}</th>
                <td className="figure-value">{known ? <strong>{figureWords(figure)}</strong> : figureWords(figure)}</td>
                <td className="figure-edition" data-label="Edition">
                  {figure.edition === null ? <span className="muted">none named</span> : editionName(figure.edition)}
                </td>
                <td className="figure-source" data-label="Source">
                  <SourceCell point={point} />
                </td>
                <td className="figure-published" data-label="Published">
                  <DateText date={figure.source.published} short unknown="not given" />
                </td>
                <td className="figure-status" data-label={`On ${asOfWords}`}>
                  {known ? <strong className="known-mark">✓ {STATUS_WORDS.known}</strong> : STATUS_WORDS[status]}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
