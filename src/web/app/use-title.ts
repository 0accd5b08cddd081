import { useEffect } from 'react';
import { useT } from './i18n';

/** The browser tab's title: "<page> · minefree". */
export function useTitle(title: string): void {
  const t = useT();
  const full = t('web:app.title', { page: title });
  useEffect(() => {
    document.title = full;
  }, [full]);
}
