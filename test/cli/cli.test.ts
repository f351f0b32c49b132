import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { acquireDataDirLock } from "../../src/db/data-dir-lock.js";

const root = path.resolve(import.meta.dirname, "../..");

function cli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI on the embedded database", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-cli-"));
  const dataDir = path.join(dir, "data");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One CLI process per test where the steps allow (each starts the embedded database): the
  // tests run in order on the same data directory.
  const backup = path.join(dir, "backup.tar.gz");

  it("seeds an empty data directory", () => {
    const seeded = cli(dataDir, "seed");
    expect(seeded.stderr).toBe("");
    expect(seeded.stdout).toContain("NQ57 plan: applied");
  });

  it("backs up the data directory", () => {
    const b = cli(dataDir, "backup", backup);
    expect(b.code).toBe(0);
    expect(existsSync(backup)).toBe(true);
  });

  it("imports a plan after the backup", () => {
    const planFile = path.join(dir, "second.yaml");
    writeFileSync(planFile, "code: SECOND\nname: Kế hoạch thứ hai\nstartYear: 2025\nendYear: 2030\n");
    const imported = cli(dataDir, "plan:import", planFile);
    expect(imported.stdout).toContain("Plan SECOND created");
  });

  it("restores the backup: the plan imported after it is gone (round trip)", async () => {
    const restored = cli(dataDir, "restore", backup);
    expect(restored.code).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const rows = (await database.pglite?.query<{ code: string }>("select code from plans order by code"))
        ?.rows;
      expect(rows?.map((r) => r.code)).toEqual(["NQ57"]);
    } finally {
      await database.close();
    }
  });

  it("refuses a corrupt backup", () => {
    const bad = path.join(dir, "bad.tar.gz");
    writeFileSync(bad, "not a backup");
    const r = cli(dataDir, "restore", bad);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dataDir, "pgdata"))).toBe(true);
  });

  it("leaves the data untouched after refusing a corrupt backup", () => {
    const again = cli(dataDir, "seed");
    expect(again.stdout).toContain("NQ57 plan: unchanged");
  });

  it("reports a bad plan file with its line and writes nothing", () => {
    const planFile = path.join(dir, "bad.yaml");
    writeFileSync(
      planFile,
      "code: BAD\nname: Kế hoạch lỗi\nstartYear: 2025\nendYear: 2030\nsystems:\n  - { code: S1, number: one, name: x }\n",
    );
    const r = cli(dataDir, "plan:import", planFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Dòng 6: systems.0.number");
    const en = cli(dataDir, "plan:import", planFile, "--lang", "en");
    expect(en.stderr).toContain("Line 6: systems.0.number");
  });

  const dryPlan = path.join(dir, "dry.yaml");
  it("validates without writing in --dry-run", () => {
    writeFileSync(dryPlan, "code: DRY\nname: Thử\nstartYear: 2025\nendYear: 2030\n");
    const r = cli(dataDir, "plan:import", dryPlan, "--dry-run");
    expect(r.stdout).toContain("Nothing was written");
  });

  it("creates the plan the dry run did not write", () => {
    const real = cli(dataDir, "plan:import", dryPlan);
    expect(real.stdout).toContain("Plan DRY created");
  });

  it("audit:verify passes on an intact chain", () => {
    const ok = cli(dataDir, "audit:verify");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("OK: every link verifies");
  });

  it("audit:verify names the first broken link after a direct edit", async () => {
    const database = await openDatabase({ dataDir });
    try {
      await database.pglite?.exec(
        "alter table audit_log disable trigger audit_log_no_update; update audit_log set actor = 'mallory' where seq = (select min(seq) from audit_log); alter table audit_log enable trigger audit_log_no_update;",
      );
    } finally {
      await database.close();
    }
    const broken = cli(dataDir, "audit:verify");
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry \d+: content does not match its hash/);
  });

  it("refuses to touch DATA_DIR while the server holds it", () => {
    const lock = acquireDataDirLock(dataDir, "the Chỉ Nam server");
    try {
      const r = cli(dataDir, "migrate");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("DATA_DIR is in use by the Chỉ Nam server");
    } finally {
      lock.release();
    }
  });
});
