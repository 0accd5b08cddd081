import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Its children, rendered after the first paint in a render React may interrupt, not in the first
 * one: on a slow phone a State page's first render is about a second of work, and what is below
 * the clearance map (its charts, funding, victim assistance, the list of sources) would delay the
 * map by its share. Only for what is below what people look at first: it appears a moment later,
 * and nothing above it moves.
 */
export function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return shown ? children : null;
}
