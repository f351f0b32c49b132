/** Hooks for org units: the list, one unit, its profile. */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, QueryOf } from "./types.js";

export type OrgUnit = AnswerOf<"/api/v1/org-units/{code}">;
export type OrgUnitList = AnswerOf<"/api/v1/org-units">;

export function useOrgUnits(query: QueryOf<"/api/v1/org-units"> = {}) {
  return useQuery({
    queryKey: ["org-units", query],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/org-units", { params: { query }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useOrgUnit(code: string) {
  return useQuery({
    queryKey: ["org-unit", code],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/org-units/{code}", { params: { path: { code } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useOrgUnitProfile(code: string) {
  return useQuery({
    queryKey: ["org-unit-profile", code],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/org-units/{code}/profile", { params: { path: { code } }, signal })),
  });
}
