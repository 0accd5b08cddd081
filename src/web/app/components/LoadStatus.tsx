import type { Loaded } from '../use-api';
import { useT } from '../i18n';

/** What to show while an answer is on its way, or when it did not come; `what` is already in words ("the States"). */
export function LoadStatus({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  const t = useT();
  if (loaded.state === 'loading') {
    return (
      <p role="status" className="load-status">
        {t('web:load.loading', { what })}
      </p>
    );
  }
  if (loaded.state === 'error') {
    return (
      <p role="alert" className="load-status error">
        {t('web:load.error', { what, message: loaded.message })}
      </p>
    );
  }
  return null;
}
