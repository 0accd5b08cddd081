import type { StateOnDate } from '../api';

type DeadlineState = NonNullable<StateOnDate['article4']['state']>;

const MARK: Record<DeadlineState, { symbol: string; text: string }> = {
  met: { symbol: '✓', text: 'met' },
  missed: { symbol: '✗', text: 'missed' },
  open: { symbol: '…', text: 'open' },
  unknown: { symbol: '?', text: 'not known' },
};

/** Met / missed / open / not known, as a symbol and a word (never colour alone). */
export function DeadlineMark({ state }: { state: DeadlineState | null }) {
  if (state === null) return null;
  const mark = MARK[state];
  return (
    <span className={`deadline-mark deadline-${state}`}>
      <span aria-hidden="true">{mark.symbol}</span> {mark.text}
    </span>
  );
}
