/** Hooks for one indicator: its definition and its version history. */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { QueryOf } from "./types.js";

export type { Indicator, IndicatorHistory } from "./indicator-types.js";

export function useIndicator(code: string) {
  return useQuery({
    queryKey: ["indicator", code],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/indicators/{code}", { params: { path: { code } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useIndicatorHistory(code: string, query: QueryOf<"/api/v1/indicators/{code}/history"> = {}) {
  return useQuery({
    queryKey: ["indicator-history", code, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/indicators/{code}/history", { params: { path: { code }, query }, signal })),
  });
}

/** The download link of an indicator's values (CSV or XLSX), for an <a href download>. */
export function exportUrl(query: QueryOf<"/api/v1/observations/export">): string {
  const q = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return `/api/v1/observations/export?${q}`;
}
