/**
 * The import wizard's calls: a unit's template (a download link), an upload checked (dry run) or
 * committed under an Idempotency-Key, and the upload's progress by that key. The upload route reads
 * the file itself as the request body (CSV streamed, .xlsx saved to a temporary file), so it has no
 * JSON request body in openapi.json; the file is sent as it is, with its content type.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiPaths } from "../../contracts/client.js";
import { ApiError, api, unwrap } from "./client.js";
import type { AnswerOf } from "./types.js";

type ImportPost = ApiPaths["/api/v1/observations/import"]["post"]["responses"];
export type ImportSummary = ImportPost[200]["content"]["application/json"];
export type ImportProgress = AnswerOf<"/api/v1/observations/imports/{key}">;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The download link of a unit's template for a plan and period (the session cookie authorizes it). */
export function templateUrl(q: { unit: string; plan: string; period: string }): string {
  return `/api/v1/observations/template.xlsx?${new URLSearchParams(q)}`;
}

/** The file name the server gives the template (its Content-Disposition), for the link's download attribute. */
export function templateFilename(q: { unit: string; period: string }): string {
  return `chi-nam-${q.unit}-${q.period}.xlsx`;
}

export interface UploadArgs {
  file: Blob;
  kind: "xlsx" | "csv";
  dryRun: boolean;
  /** The Idempotency-Key: a retried commit replays the first answer; progress is polled by it. */
  key: string;
}

/** An upload's answer: the summary, and the server's message when it refused rows or the file. */
export interface UploadAnswer {
  summary: ImportSummary;
  refused?: { code: string; message: string };
  /** False when the server refused before counting (a 403 naming rows): the counts are not known. */
  counted: boolean;
}

interface RefusedBody extends ImportSummary {
  error: { code: string; message: string };
}

function isRefusal(body: unknown): body is RefusedBody {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Partial<RefusedBody>;
  return Array.isArray(b.errors) && typeof b.error?.message === "string";
}

export async function uploadImport(a: UploadArgs, signal?: AbortSignal): Promise<UploadAnswer> {
  const outcome = await api.POST("/api/v1/observations/import", {
    params: { query: { dryRun: a.dryRun ? "true" : "false" }, header: { "idempotency-key": a.key } },
    // The raw file: the route takes no JSON body (see the header comment), hence `never`; the
    // serializer runs only when a body is given, and hands the file over untouched.
    body: a.file as never,
    bodySerializer: () => a.file,
    headers: { "content-type": a.kind === "xlsx" ? XLSX_TYPE : "text/csv" },
    signal,
  });
  const { response, error } = outcome;
  if (response.status === 422 && isRefusal(error)) {
    const { error: e, ...summary } = error;
    return { summary, refused: { code: e.code, message: e.message }, counted: true };
  }
  return { summary: await unwrap(Promise.resolve(outcome)), counted: true };
}

/** Checks a file, writing nothing. */
export function useDryRun() {
  return useMutation({ mutationFn: (a: Omit<UploadArgs, "dryRun">) => uploadImport({ ...a, dryRun: true }) });
}

/** Commits a file; what the pages show of values is stale afterwards. */
export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Omit<UploadArgs, "dryRun">) => uploadImport({ ...a, dryRun: false }),
    onSuccess: () =>
      qc.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== "session" && q.queryKey[0] !== "import-progress",
      }),
  });
}

const FINISHED = new Set(["done", "failed"]);

/**
 * The progress of the upload sent with `key`, polled every 500 ms until it is done or failed.
 * A 404 while `sending` means the server has not started it yet (keep asking); otherwise the
 * import is unknown (ended over ten minutes ago, or on a server since restarted): stop.
 */
export function useImportProgress(key: string | undefined, sending: boolean) {
  return useQuery({
    queryKey: ["import-progress", key],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/observations/imports/{key}", { params: { path: { key: key ?? "" } }, signal })),
    enabled: Boolean(key),
    retry: false,
    staleTime: 0,
    refetchInterval: (q) => {
      if (q.state.data && FINISHED.has(q.state.data.phase)) return false;
      const e = q.state.error;
      if (e && !(sending && e instanceof ApiError && e.status === 404)) return false;
      return 500;
    },
  });
}
