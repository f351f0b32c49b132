/**
 * Hooks for the audit trail: a page of entries by entity, user and time (newest first), one entry
 * with the rows a bulk entry wrote (a page at a time), and the chain's verification, run on demand
 * (it reads the whole chain).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, QueryOf } from "./types.js";

export type AuditQuery = QueryOf<"/api/v1/audit">;
export type AuditList = AnswerOf<"/api/v1/audit">;
export type AuditEntry = AuditList["items"][number];
export type AuditEntryWithRows = AnswerOf<"/api/v1/audit/{seq}">;
export type BulkRow = NonNullable<AuditEntryWithRows["rows"]>["items"][number];
export type VerifyResult = AnswerOf<"/api/v1/audit/verify">;

export function useAuditList(query: AuditQuery) {
  return useQuery({
    queryKey: ["admin-audit", query],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/audit", { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEntry(seq: number | undefined, query: { limit: number; cursor?: string }) {
  return useQuery({
    queryKey: ["admin-audit-entry", seq, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/audit/{seq}", {
          params: { path: { seq: seq ?? 0 }, query },
          signal,
        }),
      ),
    enabled: seq !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Not run until asked (`enabled`): walking the chain reads every entry. */
export function useAuditVerify(enabled: boolean) {
  return useQuery({
    queryKey: ["admin-audit-verify"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/audit/verify", { signal })),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
