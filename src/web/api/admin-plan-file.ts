/**
 * The plan-definition file's calls: a file checked (dry run) or imported (POST /plans), and the
 * plan's current definition downloaded. The file is sent as the text the user chose or pasted,
 * always as YAML (JSON is YAML too): the server then parses that very text, so the line numbers
 * of its errors are the lines the page shows. A JSON content type would be parsed by the server's
 * JSON reader and re-printed first, and its lines would no longer match.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiPaths } from "../../contracts/client.js";
import { api, unwrap } from "./client.js";

type PlanPost = ApiPaths["/api/v1/plans"]["post"]["responses"];
export type PlanFileSummary = PlanPost[200]["content"]["application/json"];

export interface PlanFileArgs {
  text: string;
  dryRun: boolean;
  /** Why (kept with the versions and in the audit trail); the server's default names the file. */
  reason?: string;
}

export async function sendPlanFile(a: PlanFileArgs): Promise<PlanFileSummary> {
  return unwrap(
    api.POST("/api/v1/plans", {
      params: { query: { dryRun: a.dryRun ? "true" : "false", ...(a.reason ? { reason: a.reason } : {}) } },
      // The raw text: the route's body is `unknown` (JSON or YAML); the serializer hands it over as is.
      body: a.text as never,
      bodySerializer: () => a.text,
      headers: { "content-type": "application/yaml" },
    }),
  );
}

/** Checks a file, writing nothing. */
export function useCheckPlanFile() {
  return useMutation({ mutationFn: (text: string) => sendPlanFile({ text, dryRun: true }) });
}

/** Imports a checked file; every read of plans and dashboards may have changed. */
export function useImportPlanFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { text: string; reason?: string }) => sendPlanFile({ ...a, dryRun: false }),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** The plan's current definition (YAML) and the name the server gives it; a refusal as an ApiError. */
export async function downloadDefinition(plan: string): Promise<{ text: string; filename: string }> {
  const outcome = await api.GET("/api/v1/plans/{code}/definition", {
    params: { path: { code: plan } },
    parseAs: "text",
  });
  const text = await unwrap(Promise.resolve(outcome));
  const name = /filename="([^"]+)"/.exec(outcome.response.headers.get("content-disposition") ?? "")?.[1];
  return { text: String(text), filename: name ?? `${plan}.yaml` };
}
