/**
 * A commit's answer kept in sessionStorage under its Idempotency-Key, so a reload of the wizard
 * (whose URL holds the key) shows the result — rows written and unchanged — and not only the
 * progress the server still remembers. Storage may be blocked: then only the progress shows.
 */
import type { UploadAnswer } from "../../api/imports.js";

const PREFIX = "chinam.import.";

export function rememberResult(key: string, answer: UploadAnswer): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(answer));
  } catch {
    // Not kept: a reload shows the progress only.
  }
}

export function recalledResult(key: string): UploadAnswer | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as UploadAnswer) : undefined;
  } catch {
    return undefined;
  }
}
