import { useEffect, useRef, useState } from 'react';

/**
 * How far below (and above) the viewport a place counts as "about to be seen": about a phone
 * screen, so the code of what goes there starts loading before it is scrolled to.
 */
const AHEAD = '800px 0px';

/**
 * Whether the element under `ref` is in or near the viewport (true for good once it has been):
 * what is drawn there loads only then, so a page first loads only what its first screen shows.
 */
export function useNearView<E extends Element>(): [React.RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}
