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

export type OrgUnitValues = AnswerOf<"/api/v1/org-units/{code}/values">;
export type OrgUnitCompleteness = AnswerOf<"/api/v1/org-units/{code}/completeness">;

/** The unit's latest value of each indicator it has values for, with its status. */
export function useOrgUnitValues(code: string, query: QueryOf<"/api/v1/org-units/{code}/values"> = {}) {
  return useQuery({
    queryKey: ["org-unit-values", code, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/org-units/{code}/values", { params: { path: { code }, query }, signal })),
  });
}

/** The unit's reporting completeness in recent periods: expected, reported, missing. */
export function useOrgUnitCompleteness(
  code: string,
  query: QueryOf<"/api/v1/org-units/{code}/completeness"> = {},
  enabled = true,
) {
  return useQuery({
    queryKey: ["org-unit-completeness", code, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/org-units/{code}/completeness", { params: { path: { code }, query }, signal })),
    enabled,
  });
}
