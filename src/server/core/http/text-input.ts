/**
 * Text as it enters the API, in one place: every string of a parsed body, query string and path
 * parameters is refused when PostgreSQL cannot store it (U+0000, a lone UTF-16 surrogate) and
 * otherwise put in Unicode NFC. A decomposed "Hà Nội" (a + U+0300, as some keyboards and macOS
 * file names produce) is then the same text as the composed one: searches find it, codes match,
 * and one name is not stored in two spellings.
 */
import type { ErrorDetail } from "../errors.js";

/** Walks no deeper than this: request bodies are shallow, and a deeper one is not walked further. */
const MAX_DEPTH = 32;

/**
 * Fields whose text is compared byte for byte with what was set (a password is hashed as typed):
 * normalising them here but not when they were set would lock their owners out.
 */
const VERBATIM = /password/i;

/** A lone high surrogate (not followed by a low one) or a lone low surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = "nul" | "surrogate";

export interface NormalizedText {
  value: unknown;
  /** The first field holding text that cannot be stored, with what is wrong with it. */
  problem?: { path: string; kind: TextProblem };
}

function problemOf(s: string): TextProblem | undefined {
  if (s.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(s)) return "surrogate";
  return undefined;
}

/**
 * Strings in NFC, objects and arrays changed in place (streams and buffers untouched); stops at
 * the first string that cannot be stored and names it.
 */
export function normalizeText(value: unknown, path: string, verbatim = false, depth = 0): NormalizedText {
  if (typeof value === "string") {
    const kind = problemOf(value);
    if (kind) return { value, problem: { path, kind } };
    return { value: verbatim ? value : value.normalize("NFC") };
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== "object" || Buffer.isBuffer(value))
    return { value };
  if (typeof (value as { pipe?: unknown }).pipe === "function") return { value };
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { value, problem: { path: `${path}.${key}`, kind: keyProblem } };
    const inner = normalizeText(obj[key], `${path}.${key}`, verbatim || VERBATIM.test(key), depth + 1);
    if (inner.problem) return { value, problem: inner.problem };
    const nfcKey = key.normalize("NFC");
    if (nfcKey !== key && !Array.isArray(obj)) {
      delete obj[key];
      obj[nfcKey] = inner.value;
    } else if (inner.value !== obj[key]) obj[key] = inner.value;
  }
  return { value };
}

const wording: Record<TextProblem, { vi: string; en: string }> = {
  nul: {
    vi: "không được chứa ký tự NUL (U+0000)",
    en: "must not contain the NUL character (U+0000)",
  },
  surrogate: {
    vi: "chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16 đứng riêng, ví dụ \\ud800)",
    en: "holds an invalid Unicode character (a lone UTF-16 surrogate such as \\ud800)",
  },
};

/** The error detail naming a field whose text cannot be stored. */
export function textProblemDetail(problem: { path: string; kind: TextProblem }): ErrorDetail {
  const w = wording[problem.kind];
  return { path: problem.path, message: w.vi, messageEn: w.en };
}

/** One uploaded text cell in NFC (the CSV and Excel readers call this for every text cell they keep). */
export function nfc(text: string): string {
  return text.normalize("NFC");
}
