import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isCalendarDate, today } from './dates';

/** The date every page shows the Convention on: `?asOf=YYYY-MM-DD` in the address, else today. */
export function useAsOf(): { asOf: string; chosen: boolean; setAsOf: (date: string) => void } {
  const [params, setParams] = useSearchParams();
  const inUrl = params.get('asOf');
  const chosen = inUrl !== null && isCalendarDate(inUrl);
  const setAsOf = useCallback(
    (date: string) => {
      if (!isCalendarDate(date)) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('asOf', date);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { asOf: chosen ? inUrl : today(), chosen, setAsOf };
}

/** A link target that keeps the chosen date. */
export function withAsOf(path: string, asOf: string | null): string {
  return asOf === null ? path : `${path}?asOf=${encodeURIComponent(asOf)}`;
}
