import { useT } from '../i18n';
import { type Article4State, DUE_MARK, type DueState, STATE_MARK } from './stockpile-words';

/** An Article 4 state from the ledger as a symbol and a word (never colour alone). */
export function StockpileMark({ state }: { state: Article4State | null }) {
  const t = useT();
  if (state === null) return <span className="unknown">{t('web:stockpiles.notBound')}</span>;
  const mark = STATE_MARK[state];
  const colour = state === 'no-stockpile' ? 'met' : state;
  return (
    <span className={`deadline-mark deadline-${colour}`}>
      <span aria-hidden="true">{mark.symbol}</span> {t(mark.text)}
    </span>
  );
}

/** The state of the due date of stock found after the deadline. */
export function DueMark({ state }: { state: DueState }) {
  const t = useT();
  const mark = DUE_MARK[state];
  return (
    <span className={`deadline-mark deadline-${state}`}>
      <span aria-hidden="true">{mark.symbol}</span> {t(mark.text)}
    </span>
  );
}
