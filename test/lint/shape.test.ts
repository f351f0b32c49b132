/** scripts/lint-shape.ts on fixture trees: lengths, exceptions of tests and generated files, single homes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_LINES, SINGLE_HOMES, shapeProblems } from "../../scripts/lint-shape.js";

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-shape-"));
  dirs.push(dir);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}
const lines = (n: number) => "export const x = 1;\n".repeat(n);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("lint-shape", () => {
  it(`accepts ${MAX_LINES} lines and refuses ${MAX_LINES + 1}`, () => {
    const ok = tree({ "src/server/a/ok.ts": lines(MAX_LINES) });
    expect(shapeProblems(ok)).toEqual([]);
    const long = tree({ "src/server/a/long.ts": lines(MAX_LINES + 1) });
    expect(shapeProblems(long)).toEqual([expect.stringContaining("src/server/a/long.ts: 401 lines")]);
  });

  it("does not count tests or generated files", () => {
    const dir = tree({
      "src/server/a/big.test.ts": lines(900),
      "src/contracts/api.d.ts": lines(900),
      "src/db/migrations/x.ts": lines(900),
    });
    expect(shapeProblems(dir)).toEqual([]);
  });

  it.each([
    ["frequency → period-kind map", 'const k = { half_yearly: "half_year" };\n'],
    ["period-format message", 'const m = "the period must look like 2026, 2026-H1, 2026-Q1 or 2026-03";\n'],
    ["milestone rule", 'const m = i.direction === "milestone" || i.kind === "milestone";\n'],
    [
      "milestone rule",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text holding a template
      "const w = sql`${indicators.direction} = 'milestone' or ${indicators.kind} = 'milestone'`;\n",
    ],
    ["org unit code → id look-up", "await db.select().from(orgUnits)\n  .where(eq(orgUnits.code, code));\n"],
  ])("refuses the %s outside its home", (rule, text) => {
    const dir = tree({ "src/server/b/elsewhere.ts": `// x\n${text}` });
    expect(shapeProblems(dir)).toEqual([expect.stringContaining(`src/server/b/elsewhere.ts:2: the ${rule}`)]);
    const home = SINGLE_HOMES.find((h) => h.rule === rule)?.homes[0] ?? "";
    const homeFile = home.endsWith("/") ? `${home}lookups.ts` : home;
    expect(shapeProblems(tree({ [homeFile]: text }))).toEqual([]);
  });
});
