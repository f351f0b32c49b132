/**
 * The forecast back-test (bench/forecast/PROTOCOL.md):
 *
 *   npm run bench:forecast                      main set (outside Southeast Asia)
 *   npm run bench:forecast -- --sea             the independent Southeast Asian set
 *   npm run bench:forecast -- --write-pooled    also rewrite src/domain/assessment/pooled-errors.ts
 *                                               from the main set (default strategy)
 *
 * Prints, per method and scale strategy: MASE, relative MAE (geometric mean vs naive), 80 % / 95 %
 * interval coverage, verdict accuracy (all targets, real past targets), Brier score and bound
 * violations, with the naive and Statistics Canada verdict baselines on the same targets.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_METHOD } from "../../src/domain/assessment/forecast.js";
import { METHODS } from "../../src/domain/assessment/smoothing.js";
import { casesOf, loadFixtures, WINDOWS } from "./cases.js";
import {
  baselineVerdicts,
  CANDIDATES,
  type Scores,
  STRATEGIES,
  scaledErrors,
  score,
  tableFrom,
} from "./run.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const sea = args.has("--sea");
const fixtures = loadFixtures(path.join(here, sea ? "fixtures-sea" : "fixtures"));
const cases = fixtures.flatMap(casesOf);
const started = performance.now();

const f3 = (x: number | null) => (x === null || !Number.isFinite(x) ? "–" : x.toFixed(3));
const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)} %`);

console.log(
  `forecast back-test: ${sea ? "Southeast Asian check set" : "main set"}: ${fixtures.length} series, ${cases.length} (series, origin, window) cases, ${cases.reduce((s, c) => s + c.outcomes.length, 0)} outcomes`,
);
const kinds = new Map<string, number>();
for (const f of fixtures) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
console.log(`kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);

const rows: Scores[] = [];
for (const method of CANDIDATES)
  for (const strategy of method === "trend-before" ? (["default"] as const) : STRATEGIES) {
    // The check set is scored with the bands as shipped (the main set's table), not its own errors.
    const errors = method === "trend-before" || sea ? null : scaledErrors(cases, method, strategy);
    rows.push(score(cases, method, strategy, errors));
  }

const base = baselineVerdicts(cases);
const header = [
  "method",
  "scale",
  "MASE",
  "relMAE",
  ...WINDOWS.map((w) => `relMAE w${w}`),
  "cover80",
  ...WINDOWS.map((w) => `cover80 w${w}`),
  "cover95",
  "verdicts",
  "real targets",
  "Brier",
  "bound violations",
];
console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => " --- ").join("|")}|`);
for (const r of rows)
  console.log(
    `| ${[
      r.method === DEFAULT_METHOD ? `**${r.method}**` : r.method,
      r.strategy,
      f3(r.mase),
      f3(r.relMae),
      ...WINDOWS.map((w) => f3(r.byWindow[w] ?? null)),
      pct(r.cover80),
      ...WINDOWS.map((w) => pct(r.cover80ByWindow[w] ?? null)),
      pct(r.cover95),
      pct(r.verdict),
      pct(r.verdictReal),
      f3(r.brier),
      String(r.violations),
    ].join(" | ")} |`,
  );
console.log(
  `\nverdict baselines on the same ${base.judged} targets (${base.judgedReal} real): naive ${pct(base.naive)} (real ${pct(base.naiveReal)}), Statistics Canada ${pct(base.statcan)} (real ${pct(base.statcanReal)})`,
);

const chosen = rows.find((r) => r.method === DEFAULT_METHOD && r.strategy === "default") as Scores;
const pass =
  chosen.relMae <= 0.9 &&
  chosen.verdict > base.naive &&
  chosen.verdict > base.statcan &&
  chosen.violations === 0;
console.log(
  `default (${DEFAULT_METHOD}, default scale): relMAE ${f3(chosen.relMae)} (≤ 0.9), verdicts ${pct(chosen.verdict)} vs naive ${pct(base.naive)} and Statistics Canada ${pct(base.statcan)}, bound violations ${chosen.violations}: ${pass ? "MEETS" : "DOES NOT MEET"} the issue's bar`,
);
console.log(
  `BENCH_FORECAST series=${fixtures.length} cases=${cases.length} relmae=${f3(chosen.relMae)} verdict=${f3(chosen.verdict)} naive_verdict=${f3(base.naive)} statcan_verdict=${f3(base.statcan)} cover80=${f3(chosen.cover80)} cover95=${f3(chosen.cover95)} violations=${chosen.violations} seconds=${((performance.now() - started) / 1000).toFixed(1)}`,
);

if (args.has("--write-pooled")) {
  if (sea) throw new Error("--write-pooled uses the main set only");
  const tables = METHODS.map((m) => {
    const t = tableFrom(scaledErrors(cases, m, "default"));
    const r = (xs: readonly number[]) => `[${xs.map((x) => x.toFixed(3)).join(", ")}]`;
    return `  ${m}: { q80: ${r(t.q80)}, q95: ${r(t.q95)} },`;
  });
  const file = path.join(here, "../../src/domain/assessment/pooled-errors.ts");
  writeFileSync(
    file,
    `/**
 * Quantiles of |scaled error| by horizon (1..6 steps), pooled over the back-test's main set
 * (bench/forecast: ${fixtures.length} series, ${cases.length} cases, default scale). Written by
 * \`npm run bench:forecast -- --write-pooled\`; do not edit by hand.
 */
import type { SmoothingMethod } from "./smoothing.js";

/** Quantiles of |scaled error| at 1..n steps ahead. */
export type PooledTable = { q80: readonly number[]; q95: readonly number[] };

export const POOLED_SCALED_ERRORS: Record<SmoothingMethod, PooledTable> = {
${tables.join("\n")}
};
`,
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
if (!pass && !sea) process.exitCode = 1;
