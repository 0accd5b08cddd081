import { useT } from '../i18n';

/** Stands where a map would be when its country shapes could not be downloaded, with a button to try again. */
export function ShapesFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <p className="map-failed" role="alert" data-testid="map-failed">
      {t('web:map.shapesFailed')}{' '}
      <button type="button" onClick={onRetry}>
        {t('web:map.retry')}
      </button>
    </p>
  );
}
