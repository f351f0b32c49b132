/**
 * The boundary rules of .dependency-cruiser.cjs, run by the real tool on fixture trees: a tree
 * that keeps the rules passes, and each kind of breach fails with the rule's name.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "../..");
const bin = path.join(repo, "node_modules", ".bin", "depcruise");
const config = path.join(repo, ".dependency-cruiser.cjs");
const dirs: string[] = [];

/** Writes `files` into a fresh tree with a tsconfig, and runs dependency-cruiser on its src. */
async function cruise(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-boundaries-"));
  dirs.push(dir);
  const all: Record<string, string> = {
    "tsconfig.json": JSON.stringify({
      compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" },
    }),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  try {
    const { stdout, stderr } = await run(bin, ["src", "--config", config, "--output-type", "err"], {
      cwd: dir,
    });
    return { ok: true, output: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const clean = {
  "src/domain/periods.ts": "export const kinds = ['month'];\n",
  "src/db/client.ts": "import { kinds } from '../domain/periods.js';\nexport const db = kinds;\n",
  "src/server/core/errors.ts": "import { db } from '../../db/client.js';\nexport const e = db;\n",
  "src/server/plans/queries.ts": "import { e } from '../core/errors.js';\nexport const q = e;\n",
  "src/server/plans/index.ts": "export { q } from './queries.js';\n",
  "src/server/values/routes.ts": "import { q } from '../plans/index.js';\nexport const r = q;\n",
  "src/server/values/index.ts": "export { r } from './routes.js';\n",
  "src/server/app.ts": "import { r } from './values/index.js';\nexport const app = r;\n",
};

/** Each breach is a file of its own, so one run of the tool finds them all. */
const breaches: [what: string, rule: string, file: string, text: string][] = [
  [
    "a cycle between modules",
    "no-cycles",
    "src/server/plans/cycle.ts",
    "import { r } from '../values/index.js';\nexport const c = r;\n",
  ],
  [
    "a deep import into another module",
    "module-front-door",
    "src/server/values/deep.ts",
    "import { q } from '../plans/queries.js';\nexport const d = q;\n",
  ],
  [
    "a domain file importing server code",
    "pure-domain-and-contracts",
    "src/domain/bad.ts",
    "import { e } from '../server/core/errors.js';\nexport const b = e;\n",
  ],
  [
    "the database layer importing server code",
    "db-below-server",
    "src/db/bad.ts",
    "import { q } from '../server/plans/index.js';\nexport const b = q;\n",
  ],
  [
    "the core importing a module",
    "core-below-modules",
    "src/server/core/bad.ts",
    "import { q } from '../plans/index.js';\nexport const b = q;\n",
  ],
  [
    "the web app importing server code",
    "web-uses-contracts",
    "src/web/main.ts",
    "import { q } from '../server/plans/index.js';\nexport const w = q;\n",
  ],
  [
    "the composition root reaching inside a module",
    "root-front-door",
    "src/server/bad-root.ts",
    "import { r } from './values/routes.js';\nexport const b = r;\n",
  ],
];

let cleanRun: { ok: boolean; output: string };
let breachRun: { ok: boolean; output: string };

beforeAll(async () => {
  const broken: Record<string, string> = {
    ...clean,
    "src/server/plans/index.ts": "export { q } from './queries.js';\nexport { c } from './cycle.js';\n",
  };
  for (const [, , file, text] of breaches) broken[file] = text;
  [cleanRun, breachRun] = await Promise.all([cruise(clean), cruise(broken)]);
}, 60_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("boundary rules (dependency-cruiser)", () => {
  it("passes a tree that keeps the layers and front doors", () => {
    expect(cleanRun.output).toContain("no dependency violations");
    expect(cleanRun.ok).toBe(true);
  });

  it("fails the tree with breaches", () => {
    expect(breachRun.ok).toBe(false);
  });

  it.each(breaches)("fails on %s (%s in %s)", (_what, rule, file) => {
    expect(breachRun.output).toMatch(new RegExp(`error ${rule}: ${file.replace(/[.]/g, "\\.")}`));
  });
});
