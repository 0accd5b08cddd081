import type { Loaded } from '../use-api';
import { useT } from '../i18n';

/** What to show while an answer is on its way, or when it did not come; `what` is already in words ("the States"). */
export function LoadStatus({
  loaded,
  what,
  reserve,
}: {
  loaded: Loaded<unknown>;
  what: string;
  /** Classes giving the loading line the height of what replaces it (`chart parties-chart`), so nothing moves (CLS). */
  reserve?: string;
}) {
  const t = useT();
  if (loaded.state === 'loading') {
    return (
      <p role="status" className={reserve === undefined ? 'load-status' : `load-status ${reserve}`}>
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
