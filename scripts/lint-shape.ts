/**
 * Shape rules biome and dependency-cruiser do not check (run by `npm run lint`):
 * - no source file over MAX_LINES (tests and generated files excepted; any other exception is
 *   named here with its reason and recorded in docs/decisions/0009-module-shape.md);
 * - each domain rule written in one home: the frequency → period-kind map, the period-format
 *   message, the milestone rule, the org unit code → id look-up.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const MAX_LINES = 400;

/** Files allowed over MAX_LINES, each with its reason (keep docs/decisions/0009 in step). */
export const LENGTH_EXCEPTIONS: Readonly<Record<string, string>> = {};

interface SingleHome {
  rule: string;
  pattern: RegExp;
  /** Files (or folders ending in "/") where the rule may be written. */
  homes: readonly string[];
}

export const SINGLE_HOMES: readonly SingleHome[] = [
  {
    rule: "frequency → period-kind map",
    pattern: /half_yearly["']?\s*:\s*["']half_year["']/,
    homes: ["src/domain/periods.ts"],
  },
  {
    rule: "period-format message",
    pattern: /2026, 2026-H1, 2026-Q1/,
    homes: ["src/domain/periods.ts"],
  },
  {
    rule: "milestone rule",
    pattern: /(direction|kind)\s*===\s*["']milestone["']\s*\|\||(direction|kind)\}?\s*=\s*'milestone'\s+or\b/,
    homes: ["src/domain/indicator-values.ts", "src/server/indicators/queries.ts"],
  },
  {
    rule: "org unit code → id look-up",
    pattern: /\.from\(orgUnits\)\s*\.where\(eq\(orgUnits\.code,/,
    homes: ["src/server/org-units/"],
  },
];

const generated = (f: string) => f.endsWith(".d.ts") || f.startsWith("src/db/migrations/");
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const f = path.posix.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(f, out);
    else if (/\.tsx?$/.test(e.name)) out.push(f);
  }
  return out;
}

export function shapeProblems(root: string): string[] {
  const problems: string[] = [];
  const files = sourceFiles(path.join(root, "src")).map((f) => path.posix.relative(root, f));
  for (const file of files) {
    if (generated(file) || isTest(file)) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES && !LENGTH_EXCEPTIONS[file])
      problems.push(`${file}: ${lines} lines (at most ${MAX_LINES}; split it by what it holds)`);
    for (const home of SINGLE_HOMES) {
      if (home.homes.some((h) => (h.endsWith("/") ? file.startsWith(h) : file === h))) continue;
      const m = home.pattern.exec(text);
      if (!m) continue;
      const line = text.slice(0, m.index).split("\n").length;
      problems.push(
        `${file}:${line}: the ${home.rule} is written here; its home is ${home.homes.join(" or ")}`,
      );
    }
  }
  for (const file of Object.keys(LENGTH_EXCEPTIONS))
    if (!files.includes(file)) problems.push(`${file}: listed as a length exception but does not exist`);
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const problems = shapeProblems(process.argv[2] ?? process.cwd());
  for (const p of problems) console.error(`shape: ${p}`);
  if (problems.length) {
    console.error(`shape: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log("shape: file lengths and single homes ok");
}
