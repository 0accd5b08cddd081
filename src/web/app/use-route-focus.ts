import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a page's heading (it may come with the page's data) before focusing `main`. */
const HEADING_WAIT_MS = 3000;

/**
 * After a navigation inside the app, focus moves to the new page's heading, so a screen reader
 * reads where the user is and the keyboard starts from the top of the content (not on the link
 * that was followed, which is gone). The first page keeps the browser's own focus.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const started = Date.now();
    let frame = 0;
    const focus = (): void => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading === null && Date.now() - started < HEADING_WAIT_MS) {
        frame = requestAnimationFrame(focus);
        return;
      }
      const target = heading ?? document.querySelector<HTMLElement>('main');
      if (target === null) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
