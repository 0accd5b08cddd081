import { useEffect, useState } from 'react';
import { getJson, takeArrived } from './api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string; status: number } | { state: 'ready'; data: T };

interface Options {
  /** While a new path loads, keep answering with the last data (the map keeps its colours). */
  keepPrevious?: boolean;
}

/** The answer for a key that is already here (a prefetched read that has arrived), or undefined. */
type Arrived<T> = (key: string) => { data: T } | undefined;

/**
 * Loads what `load` reads for `key` (null: nothing yet); loads again when the key changes, dropping
 * the answer to an older key. `load` is called when the key changes, so it may be a new function each render.
 */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  { keepPrevious = false }: Options = {},
  arrived?: Arrived<T>,
): Loaded<T> {
  const [result, setResult] = useState<{ key: string | null; loaded: Loaded<T>; early?: boolean }>(() => {
    const early = key === null ? undefined : arrived?.(key);
    return {
      key,
      loaded: early === undefined ? { state: 'loading' } : { state: 'ready', data: early.data },
      early: early !== undefined,
    };
  });
  useEffect(() => {
    if (key === null) return;
    // Mounted with its answer already here: nothing to read.
    if (result.early && result.key === key) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ key, loaded: { state: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const status =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : 0;
        const message = error instanceof Error ? error.message : String(error);
        setResult({ key, loaded: { state: 'error', message, status } });
      },
    );
    return () => controller.abort();
    // `load` belongs to the key: it is read when the key changes, not each time it is a new function;
    // `result` is read for the first key only (what the component mounted with).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (result.key === key) return result.loaded;
  return keepPrevious && result.loaded.state === 'ready' ? result.loaded : { state: 'loading' };
}

/** Reads one API path; reads again when the path changes, dropping the answer to an older one. */
export function useApi<T>(path: string | null, options: Options = {}): Loaded<T> {
  return useLoad(
    path,
    (signal) => getJson<T>(path ?? '', signal),
    options,
    (key) => takeArrived<T>(key),
  );
}
