import type { StateOnDate } from '../api';
import { useT } from '../i18n';

type DeadlineState = NonNullable<StateOnDate['article4']['state']>;

const MARK = {
  'no-stockpile': { symbol: '○', text: 'web:deadline.no-stockpile' },
  met: { symbol: '✓', text: 'web:deadline.met' },
  missed: { symbol: '✗', text: 'web:deadline.missed' },
  open: { symbol: '…', text: 'web:deadline.open' },
  unknown: { symbol: '?', text: 'web:deadline.unknown' },
} as const satisfies Record<DeadlineState, { symbol: string; text: string }>;

/** Met / missed / open / not known, as a symbol and a word (never colour alone). */
export function DeadlineMark({ state }: { state: DeadlineState | null }) {
  const t = useT();
  if (state === null) return null;
  const mark = MARK[state];
  return (
    <span className={`deadline-mark deadline-${state}`}>
      <span aria-hidden="true">{mark.symbol}</span> {t(mark.text)}
    </span>
  );
}
