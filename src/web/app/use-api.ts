import { useEffect, useState } from 'react';
import { getJson } from './api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string; status: number } | { state: 'ready'; data: T };

interface Options {
  /** While a new path loads, keep answering with the last data (the map keeps its colours). */
  keepPrevious?: boolean;
}

/** Reads one API path; reads again when the path changes, dropping the answer to an older one. */
export function useApi<T>(path: string | null, { keepPrevious = false }: Options = {}): Loaded<T> {
  const [result, setResult] = useState<{ path: string | null; loaded: Loaded<T> }>({
    path,
    loaded: { state: 'loading' },
  });

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setResult({ path, loaded: { state: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const status =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : 0;
        const message = error instanceof Error ? error.message : String(error);
        setResult({ path, loaded: { state: 'error', message, status } });
      },
    );
    return () => controller.abort();
  }, [path]);

  if (result.path === path) return result.loaded;
  return keepPrevious && result.loaded.state === 'ready' ? result.loaded : { state: 'loading' };
}
