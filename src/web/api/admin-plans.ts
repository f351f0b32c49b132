/**
 * Writes of plan administration (issue 15): systems, initiatives, projects and indicators of a
 * plan, an indicator's definition and its targets. One hook per endpoint. After a write the plan's
 * reads are refetched, and after a target the dashboards' too, so the change shows everywhere at
 * once (the server's own memos are keyed by its definitions version).
 */
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  IndicatorPatchBody,
  InitiativeBody,
  InitiativePatch,
  NewIndicatorBody,
  ProjectBody,
  ProjectPatch,
  SystemBody,
  SystemPatch,
  TargetBody,
} from "./admin-plans-types.js";
import { api, unwrap } from "./client.js";

export type * from "./admin-plans-types.js";

/** The plan's structure as every page reads it (outline, system and initiative pages, roadmap). */
function refreshPlan(qc: QueryClient, plan: string) {
  for (const key of [
    "plan",
    "systems",
    "system",
    "initiatives",
    "initiative",
    "projects",
    "plan-indicators",
    "roadmap",
  ])
    void qc.invalidateQueries({ queryKey: [key, plan] });
  void qc.invalidateQueries({ queryKey: ["plans"] });
}

/** An indicator's own reads and every dashboard answer its definition or targets feed. */
function refreshIndicator(qc: QueryClient, plan: string, code: string) {
  refreshPlan(qc, plan);
  for (const key of ["indicator", "indicator-history", "series", "breakdown", "compare", "laggards"])
    void qc.invalidateQueries({ queryKey: [key, code] });
  void qc.invalidateQueries({ queryKey: ["overview"] });
  void qc.invalidateQueries({ queryKey: ["alerts"] });
}

type Item = "systems" | "initiatives" | "projects";

/** Adds (or replaces by code) a system, an initiative or a project. */
export function useAddItem(plan: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a:
        | { kind: "systems"; body: SystemBody }
        | { kind: "initiatives"; body: InitiativeBody }
        | { kind: "projects"; body: ProjectBody },
    ) => {
      const path = { params: { path: { code: plan } } };
      if (a.kind === "systems")
        return unwrap(api.POST("/api/v1/plans/{code}/systems", { ...path, body: a.body }));
      if (a.kind === "initiatives")
        return unwrap(api.POST("/api/v1/plans/{code}/initiatives", { ...path, body: a.body }));
      return unwrap(api.POST("/api/v1/plans/{code}/projects", { ...path, body: a.body }));
    },
    onSuccess: () => refreshPlan(qc, plan),
  });
}

/** Changes a system, an initiative or a project (fields left out are kept). */
export function useChangeItem(plan: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a:
        | { kind: "systems"; code: string; body: SystemPatch }
        | { kind: "initiatives"; code: string; body: InitiativePatch }
        | { kind: "projects"; code: string; body: ProjectPatch },
    ) => {
      if (a.kind === "systems")
        return unwrap(
          api.PATCH("/api/v1/plans/{code}/systems/{system}", {
            params: { path: { code: plan, system: a.code } },
            body: a.body,
          }),
        );
      if (a.kind === "initiatives")
        return unwrap(
          api.PATCH("/api/v1/plans/{code}/initiatives/{initiative}", {
            params: { path: { code: plan, initiative: a.code } },
            body: a.body,
          }),
        );
      return unwrap(
        api.PATCH("/api/v1/plans/{code}/projects/{project}", {
          params: { path: { code: plan, project: a.code } },
          body: a.body,
        }),
      );
    },
    onSuccess: () => refreshPlan(qc, plan),
  });
}

/** Retires a system, an initiative, a project or an indicator, with the reason the server keeps. */
export function useRetire(plan: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { kind: Item | "indicators"; code: string; reason: string }) => {
      const query = { reason: a.reason };
      if (a.kind === "systems")
        return unwrap(
          api.DELETE("/api/v1/plans/{code}/systems/{system}", {
            params: { path: { code: plan, system: a.code }, query },
          }),
        );
      if (a.kind === "initiatives")
        return unwrap(
          api.DELETE("/api/v1/plans/{code}/initiatives/{initiative}", {
            params: { path: { code: plan, initiative: a.code }, query },
          }),
        );
      if (a.kind === "projects")
        return unwrap(
          api.DELETE("/api/v1/plans/{code}/projects/{project}", {
            params: { path: { code: plan, project: a.code }, query },
          }),
        );
      return unwrap(api.DELETE("/api/v1/indicators/{code}", { params: { path: { code: a.code }, query } }));
    },
    onSuccess: (_d, a) =>
      a.kind === "indicators" ? refreshIndicator(qc, plan, a.code) : refreshPlan(qc, plan),
  });
}

/** Adds an indicator to the catalogue, owned by this plan. */
export function useAddIndicator(plan: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewIndicatorBody) =>
      unwrap(api.POST("/api/v1/plans/{code}/indicators", { params: { path: { code: plan } }, body })),
    onSuccess: () => refreshPlan(qc, plan),
  });
}

/** Changes an indicator's definition: a new version, with the reason. */
export function useChangeIndicator(plan: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorPatchBody) =>
      unwrap(api.PATCH("/api/v1/indicators/{code}", { params: { path: { code } }, body })),
    onSuccess: () => refreshIndicator(qc, plan, code),
  });
}

/** Sets one target (a year, national or one unit's own): a new version, with the reason. */
export function useSetTarget(plan: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetBody) =>
      unwrap(
        api.PUT("/api/v1/plans/{code}/indicators/{indicator}/targets", {
          params: { path: { code: plan, indicator: code } },
          body,
        }),
      ),
    onSuccess: () => refreshIndicator(qc, plan, code),
  });
}
