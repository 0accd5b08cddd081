import { useEffect } from 'react';

/** The browser tab's title: "<page> · minefree". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · minefree`;
  }, [title]);
}
