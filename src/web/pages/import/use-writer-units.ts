/**
 * The units whose values the signed-in user writes (as reporter or approver): each granted unit
 * and the units directly under it (a grant covers its unit and those below), the user's own unit
 * first. The server decides in the end; this only keeps the choice to units that can work.
 */
import { useQueries } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.js";
import type { Session } from "../../api/session.js";
import { useUnitNames } from "../system/drill-shared.js";
import { grantedUnits } from "./writer-units.js";

export interface WriterUnits {
  codes: string[];
  name: (code: string) => string;
}

export function useWriterUnits(user: Session["user"] | undefined): WriterUnits {
  const granted = user ? grantedUnits(user) : [];
  const name = useUnitNames();
  const children = useQueries({
    queries: granted.map((code) => ({
      queryKey: ["org-units", { parent: code, current: "true" }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          api.GET("/api/v1/org-units", {
            params: { query: { parent: code, current: "true" as const, limit: 1000 } },
            signal,
          }),
        ),
      staleTime: 5 * 60_000,
    })),
  });
  const below = children.flatMap((c) => c.data?.items.map((u) => u.code) ?? []);
  return { codes: [...new Set([...granted, ...below])], name };
}
