import type { Loaded } from '../use-api';

/** What to show while an answer is on its way, or when it did not come. */
export function LoadStatus({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.state === 'loading') {
    return (
      <p role="status" className="load-status">
        Loading {what}…
      </p>
    );
  }
  if (loaded.state === 'error') {
    return (
      <p role="alert" className="load-status error">
        Could not load {what}: {loaded.message}
      </p>
    );
  }
  return null;
}
