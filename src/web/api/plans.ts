/** Hooks for plans, their systems, initiatives, projects and indicator lists: one per endpoint. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, QueryOf } from "./types.js";

export type Plan = AnswerOf<"/api/v1/plans/{code}">;
export type PlanList = AnswerOf<"/api/v1/plans">;
export type System = AnswerOf<"/api/v1/plans/{code}/systems/{system}">;
export type Initiative = AnswerOf<"/api/v1/plans/{code}/initiatives/{initiative}">;
export type PlanIndicators = AnswerOf<"/api/v1/plans/{code}/indicators">;

const LONG = 5 * 60_000; // plan structure changes rarely

export const plansQuery = () =>
  queryOptions({
    queryKey: ["plans"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/plans", { signal })),
    staleTime: LONG,
  });

export function usePlans() {
  return useQuery(plansQuery());
}

export function usePlan(plan: string) {
  return useQuery({
    queryKey: ["plan", plan],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}", { params: { path: { code: plan } }, signal })),
    staleTime: LONG,
  });
}

export function useSystems(plan: string) {
  return useQuery({
    queryKey: ["systems", plan],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/systems", { params: { path: { code: plan } }, signal })),
    staleTime: LONG,
  });
}

export function useSystem(plan: string, system: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["system", plan, system],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/systems/{system}", {
          params: { path: { code: plan, system } },
          signal,
        }),
      ),
    staleTime: LONG,
  });
}

export function useInitiatives(plan: string, query: QueryOf<"/api/v1/plans/{code}/initiatives"> = {}) {
  return useQuery({
    queryKey: ["initiatives", plan, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/initiatives", { params: { path: { code: plan }, query }, signal }),
      ),
    staleTime: LONG,
  });
}

export function useInitiative(plan: string, initiative: string) {
  return useQuery({
    queryKey: ["initiative", plan, initiative],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/initiatives/{initiative}", {
          params: { path: { code: plan, initiative } },
          signal,
        }),
      ),
    staleTime: LONG,
  });
}

export function useProjects(plan: string, query: QueryOf<"/api/v1/plans/{code}/projects"> = {}) {
  return useQuery({
    queryKey: ["projects", plan, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/projects", { params: { path: { code: plan }, query }, signal })),
    staleTime: LONG,
  });
}

export const planIndicatorsQuery = (plan: string, query: QueryOf<"/api/v1/plans/{code}/indicators"> = {}) =>
  queryOptions({
    queryKey: ["plan-indicators", plan, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/indicators", { params: { path: { code: plan }, query }, signal })),
    staleTime: LONG,
  });

export function usePlanIndicators(plan: string, query: QueryOf<"/api/v1/plans/{code}/indicators"> = {}) {
  return useQuery(planIndicatorsQuery(plan, query));
}

export type Roadmap = AnswerOf<"/api/v1/plans/{code}/roadmap">;

/** The plan's phases with their focus items and the systems and initiatives each names. */
export function useRoadmap(plan: string) {
  return useQuery({
    queryKey: ["roadmap", plan],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/roadmap", { params: { path: { code: plan } }, signal })),
    staleTime: LONG,
  });
}
