/**
 * Compares the committed contract files with what the code renders, and says where they part:
 * the first differing line, and for openapi.json the operations only one side has, so that the
 * message alone tells a reviewer whether the drift is a new route or a changed schema.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CONTRACT_FILES } from "./openapi-contract.js";

/** One file that differs, with a short human-readable hint. */
export interface ContractDrift {
  file: string;
  hint: string[];
}

/** Where two texts first differ, line by line (1-based), or undefined when they are equal. */
export function firstDifferentLine(
  committed: string,
  generated: string,
): { line: number; committed: string | undefined; generated: string | undefined } | undefined {
  if (committed === generated) return undefined;
  const a = committed.split("\n");
  const b = generated.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { line: i + 1, committed: a[i], generated: b[i] };
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);

/** "GET /api/v1/x" for every operation of an OpenAPI document's text; empty when it is no document. */
function operations(text: string): Set<string> {
  const ops = new Set<string>();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return ops;
  }
  const paths = (doc as { paths?: unknown }).paths;
  if (!paths || typeof paths !== "object") return ops;
  for (const [url, item] of Object.entries(paths)) {
    if (!item || typeof item !== "object") continue;
    for (const method of Object.keys(item))
      if (METHODS.has(method)) ops.add(`${method.toUpperCase()} ${url}`);
  }
  return ops;
}

const clip = (line: string | undefined) =>
  line === undefined ? "(end of file)" : line.length > 160 ? `${line.slice(0, 160)}…` : line;

function hintFor(file: string, committed: string, generated: string): string[] {
  const hint: string[] = [];
  const at = firstDifferentLine(committed, generated);
  if (at) {
    hint.push(`first difference at line ${at.line}:`);
    hint.push(`  committed: ${clip(at.committed)}`);
    hint.push(`  generated: ${clip(at.generated)}`);
  }
  if (file === CONTRACT_FILES.document) {
    const before = operations(committed);
    const after = operations(generated);
    const added = [...after].filter((o) => !before.has(o));
    const removed = [...before].filter((o) => !after.has(o));
    const list = (xs: string[]) => xs.slice(0, 10).join(", ") + (xs.length > 10 ? `, … (${xs.length})` : "");
    if (added.length > 0) hint.push(`operations only in the code: ${list(added)}`);
    if (removed.length > 0) hint.push(`operations only in the committed file: ${list(removed)}`);
  }
  return hint;
}

/** Every rendered file whose committed copy under `root` is missing or different. */
export function contractDrift(root: string, rendered: Record<string, string>): ContractDrift[] {
  const drift: ContractDrift[] = [];
  for (const [file, generated] of Object.entries(rendered)) {
    const full = path.join(root, file);
    if (!existsSync(full)) {
      drift.push({ file, hint: ["the file is missing"] });
      continue;
    }
    const committed = readFileSync(full, "utf8");
    if (committed !== generated) drift.push({ file, hint: hintFor(file, committed, generated) });
  }
  return drift;
}
