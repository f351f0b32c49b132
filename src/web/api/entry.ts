/** Hooks for data entry: a unit's entry sheet for a plan and period, and moving many values at once. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { TransitionsBody } from "./entry-types.js";

export type {
  EntryCell,
  EntryIndicator,
  EntrySheet,
  TransitionsAnswer,
  TransitionsBody,
} from "./entry-types.js";

/** The first element names the endpoint: invalidating "org-unit-entry" refreshes every open sheet. */
export const entrySheetKey = (unit: string, plan: string, period: string | undefined) =>
  ["org-unit-entry", unit, { plan, period }] as const;

/** The cells `unit` reports for `plan` and `period` (undefined: the server's current month). */
export function useEntrySheet(unit: string | undefined, plan: string, period: string | undefined) {
  return useQuery({
    queryKey: entrySheetKey(unit ?? "", plan, period),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/org-units/{code}/entry", {
          params: { path: { code: unit ?? "" }, query: { plan, ...(period ? { period } : {}) } },
          signal,
        }),
      ),
    enabled: Boolean(unit),
    // A refetch while someone types would only redraw rows; versions are checked at save anyway.
    refetchOnWindowFocus: false,
  });
}

/** Submit, recall, approve or return many values as one command (all or nothing; 409 STALE_BATCH). */
export function useTransitions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionsBody) => unwrap(api.POST("/api/v1/observations/transitions", { body })),
    onSettled: () => qc.invalidateQueries({ queryKey: ["org-unit-entry"] }),
  });
}
