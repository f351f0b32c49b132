/**
 * The grid's one door to the outbox (src/web/offline): the user's outbox, with its pending values
 * kept as the same objects while unchanged, so memoised rows redraw only for their own cell.
 */
import { useMemo, useRef } from "react";
import { type Outbox, type PendingValue, useOutbox } from "../../offline/index.js";
import { stablePending } from "./stable-pending.js";

export function useEntryOutbox(userId: string): Outbox {
  const outbox = useOutbox(userId);
  const last = useRef<ReadonlyMap<string, PendingValue>>(new Map());
  const pending = useMemo(() => {
    last.current = stablePending(last.current, outbox.pending);
    return last.current;
  }, [outbox.pending]);
  return useMemo(() => ({ ...outbox, pending }), [outbox, pending]);
}
