/**
 * The queue follows other reviewers and units while it is open: a change event from
 * /api/v1/events (a value written, submitted, approved anywhere the user may see) refreshes the
 * review lists, so a value someone else just approved leaves this page without a reload.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { reviewKeys } from "../../api/review.js";
import { useSession } from "../../api/session.js";
import { liveConnection } from "../../live/connection.js";

export function useReviewLive(): void {
  const qc = useQueryClient();
  const session = useSession();
  const who = session.isPending ? null : (session.data?.user.id ?? null);
  useEffect(() => {
    if (who === null) return;
    return liveConnection.attach(() => {
      for (const k of reviewKeys) void qc.invalidateQueries({ queryKey: [k] });
    }, who);
  }, [qc, who]);
}
