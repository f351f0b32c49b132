/**
 * One request at a time from a control: a second click while the first is on its way does
 * nothing. The pending flag of a mutation is state, seen only after the next render; two clicks
 * in the same frame would both pass it, the ref does not.
 */
import { useCallback, useRef } from "react";

export function useSingleFlight(): (work: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return useCallback((work: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    void work()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
