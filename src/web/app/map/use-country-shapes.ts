import { useCallback, useEffect, useState } from 'react';
import { type CountryShapes, loadCountryShapes } from './world-shapes';

/**
 * The coarse country shapes a map starts from, and whether their download failed: a failed download
 * is said on screen with a button that asks again (`retry`), instead of a map that never appears.
 */
export function useCountryShapes(): { shapes: CountryShapes | null; failed: boolean; retry: () => void } {
  const [shapes, setShapes] = useState<CountryShapes | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadCountryShapes('110m').then(
      (loaded) => {
        if (current) setShapes(loaded);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { shapes, failed, retry };
}
