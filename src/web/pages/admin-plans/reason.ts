/**
 * A reason for a change: required (3 characters at least, as the server's `reason`), at most the
 * server's limit. Checked here before anything is sent so an empty one never reaches the server.
 */
import { TEXT_LIMITS } from "../../../domain/text-limits.js";

export const MIN_REASON = 3;
export const MAX_REASON = TEXT_LIMITS.reason;

export type ReasonProblem = "required" | "short" | "long";

export function reasonProblem(reason: string): ReasonProblem | null {
  const r = reason.trim();
  if (r.length === 0) return "required";
  if (r.length < MIN_REASON) return "short";
  if (r.length > MAX_REASON) return "long";
  return null;
}
