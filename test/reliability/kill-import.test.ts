/**
 * A server killed with SIGKILL in the middle of a large import: after a restart the import is
 * wholly absent (or, had it committed, wholly present) — never in part — and the roll-ups equal a
 * rebuild. On PostgreSQL the kill waits until the upload's progress says rows are being written
 * inside the open transaction; on PGlite, whose one connection the import holds, progress cannot
 * be read meanwhile, so the kill comes a few seconds into the upload (well inside the write phase
 * of 48,000 rows).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, queryRows } from "../../src/db/client.js";
import type { OrgUnitDef } from "../../src/domain/org-units/schema.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { backends } from "../helpers/db.js";
import { withDatabase } from "../helpers/global-setup.js";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "Kill-test-password-2026";
const COMMUNES = 200;
const INDICATORS = ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL", "OI_EDOCS_EXCHANGED", "OI_DOCS_ISSUED_TOTAL"];
const MONTHS = 60; // 2021-01 .. 2025-12: 200 × 4 × 60 = 48,000 rows

function start(dataDir: string, port: number, databaseUrl: string | undefined): ChildProcess {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
}

async function ready(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "demo-approver-hanoi", password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe.each(backends())("SIGKILL in the middle of an import on %s", (backend) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chinam-kill-"));
  let server: ChildProcess | undefined;
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  const open = () => (databaseUrl ? openDatabase({ databaseUrl, poolSize: 2 }) : openDatabase({ dataDir }));
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    }
  });

  let port = 0;
  let lines: string[] = [];
  beforeAll(async () => {
    // The seeded database the suite prepared (a snapshot, or PostgreSQL's template), plus the
    // 200 communes of Hà Nội and the demo accounts (the approver writes for them).
    if (backend === "postgres") {
      dbName = `chinam_kill_${process.pid}`;
      const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.query(`create database ${dbName} template ${inject("pgTemplate")}`);
      await a.end();
      databaseUrl = withDatabase(process.env.TEST_DATABASE_URL as string, dbName);
    }
    const db0 = await (databaseUrl
      ? openDatabase({ databaseUrl, poolSize: 2 })
      : openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteSnapshot"))]) }));
    await importOrgUnits(
      db0.db,
      Array.from({ length: COMMUNES }, (_, k) => ({
        code: `KT-HN-${k}`,
        kind: "commune",
        name: { vi: `Xã thử ${k}` },
        parent: "HA-NOI",
        lineage: [],
      })) as unknown as OrgUnitDef[],
      { actor: "test", reason: "kill test" },
    );
    await ensureDemoAccounts(db0.db, PASSWORD);
    await db0.close();

    lines = ["indicator,unit,period,value"];
    for (let m = 0; m < MONTHS; m++)
      for (let k = 0; k < COMMUNES; k++)
        for (const ind of INDICATORS)
          lines.push(
            `${ind},KT-HN-${k},${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")},${k + m + 1}`,
          );
    port = 4100 + Math.floor(Math.random() * 500);
  });

  it("is killed with SIGKILL while the import's rows are being written", async () => {
    const csv = lines.join("\n");
    server = start(dataDir, port, databaseUrl);
    await ready(port);
    const s = await signIn(port);
    const upload = fetch(`http://127.0.0.1:${port}/api/v1/observations/import?submit=true`, {
      method: "POST",
      headers: {
        cookie: s.cookie,
        "x-csrf-token": s.csrf,
        "content-type": "text/csv",
        "idempotency-key": "kill-test-upload",
      },
      body: csv,
    }).catch(() => undefined);
    // Kill once the commit is under way: on PostgreSQL chunks written inside the open transaction,
    // on PGlite chunks already committed (which the restart must take back). The progress polls
    // are signed-in requests, so on PGlite they also show the server answering mid-import.
    let phase = "";
    for (let i = 0; i < 600 && phase !== "writing"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const p = await fetch(`http://127.0.0.1:${port}/api/v1/observations/imports/kill-test-upload`, {
        headers: { cookie: s.cookie },
      }).catch(() => undefined);
      if (p?.ok) {
        const body = (await p.json()) as { phase: string; done: number };
        if (body.phase === "writing" && body.done >= 10_000 && body.done < lines.length - 1)
          phase = "writing";
        if (body.phase === "done") phase = "done";
      }
    }
    server.kill("SIGKILL");
    await new Promise((r) => server?.on("exit", r));
    await upload;
    expect(phase).toBe("writing");
  });

  it("comes back with the import wholly absent or wholly present, and roll-ups equal to a rebuild", async () => {
    // Restart: the server comes back (recovering the lock and the database) and answers.
    server = start(dataDir, port, databaseUrl);
    await ready(port);
    const s2 = await signIn(port);
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/observations?unit=KT-HN-0&limit=1`, {
      headers: { cookie: s2.cookie },
    });
    expect(list.status).toBe(200);
    server.kill("SIGTERM");
    await new Promise((r) => server?.on("exit", r));

    const db1 = await open();
    try {
      const [n] = await queryRows<{ n: number }>(
        db1.db,
        sql`select count(*)::int as n from observations o join org_units u on u.id = o.org_unit_id where u.code like 'KT-HN-%'`,
      );
      expect([0, lines.length - 1]).toContain(n?.n);
      // Nothing left staged or half-applied.
      const [left] = await queryRows<{ n: number }>(
        db1.db,
        sql`select count(*)::int as n from value_imports where state in ('staging', 'applying')`,
      );
      expect(left?.n).toBe(0);
      expect(await db1.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
    } finally {
      await db1.close();
    }
  });
});
