import type { FigurePoint, FigureStatus } from '../figure-series';
import { editionName, figureWords, periodWords } from '../figure-words';
import { useT } from '../i18n';
import { DateText } from './DateText';

const STATUS_WORDS = {
  known: 'web:figuresTable.status.known',
  replaced: 'web:figuresTable.status.replaced',
  'not-yet': 'web:figuresTable.status.not-yet',
  undated: 'web:figuresTable.status.undated',
} as const satisfies Record<FigureStatus, string>;

function SourceCell({ point }: { point: FigurePoint }) {
  const t = useT();
  const { source } = point.figure;
  return (
    <>
      {source.url === null ? (
        <span className="source-id">{source.id}</span>
      ) : (
        <a className="source-id" href={source.url} target="_blank" rel="noopener noreferrer">
          {source.id}
          <span className="visually-hidden">{t('web:figuresTable.newTab')}</span>
        </a>
      )}{' '}
      <span className="source-title">{source.title}</span>
      {source.citedDocument !== null ? (
        <span className="source-meta">
          {source.page !== null
            ? t('web:figuresTable.citingPage', { document: source.citedDocument, page: source.page })
            : t('web:figuresTable.citing', { document: source.citedDocument })}
        </span>
      ) : source.page !== null ? (
        <span className="source-meta">{t('web:figuresTable.page', { page: source.page })}</span>
      ) : null}
      {source.url === null ? <span className="source-meta">{t('web:figuresTable.noUrl')}</span> : null}
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
  const t = useT();
  const onDate = t('web:figuresTable.on', { date: asOfWords });
  return (
    <div className="table-scroll figures-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="figures-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web:figuresTable.period')}</th>
            <th scope="col">{t('web:figuresTable.figure')}</th>
            <th scope="col">{t('web:figuresTable.edition')}</th>
            <th scope="col">{t('web:figuresTable.source')}</th>
            <th scope="col">{t('web:figuresTable.published')}</th>
            <th scope="col">{onDate}</th>
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
                <td className="figure-edition" data-label={t('web:figuresTable.edition')}>
                  {figure.edition === null ? (
                    <span className="muted">{t('web:figuresTable.noEdition')}</span>
                  ) : (
                    editionName(figure.edition)
                  )}
                </td>
                <td className="figure-source" data-label={t('web:figuresTable.source')}>
                  <SourceCell point={point} />
                </td>
                <td className="figure-published" data-label={t('web:figuresTable.published')}>
                  <DateText date={figure.source.published} short unknown={t('web:figuresTable.notGiven')} />
                </td>
                <td className="figure-status" data-label={onDate}>
                  {known ? (
                    <strong className="known-mark">
                      {t('web:figuresTable.knownMark', { words: t(STATUS_WORDS.known) })}
                    </strong>
                  ) : (
                    t(STATUS_WORDS[status])
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
