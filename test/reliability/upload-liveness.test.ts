/**
 * One large upload must not freeze the server: with MAX_UPLOAD_MB=20, a real server process is
 * sent an .xlsx of nearly 20 MB (every row read and checked, then refused: its unit does not
 * exist) and one over 20 MB (refused as it arrives), while /healthz is probed every 100 ms. No
 * gap between health answers may exceed 5 s, and each upload must end or be refused.
 * (`npm run bench:exhaustion` does the same with the largest files the default caps allow.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { backends } from "../helpers/db.js";
import { withDatabase } from "../helpers/global-setup.js";
import {
  collect,
  largeXlsx,
  probeHealth,
  signInAt,
  startServer,
  stopServer,
  waitReady,
} from "../helpers/liveness.js";

const PASSWORD = "Liveness-test-password-2026";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

describe.each(backends())("a large upload on %s", (backend) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chinam-liveness-"));
  let server: ReturnType<typeof startServer> | undefined;
  let dbName: string | undefined;
  afterAll(async () => {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    }
  });

  it("leaves /healthz answering (no gap over 5 s) and ends or is refused", async () => {
    // The seeded database the suite prepared (a snapshot, or PostgreSQL's template), plus accounts.
    let databaseUrl: string | undefined;
    if (backend === "postgres") {
      dbName = `chinam_live_${process.pid}`;
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
    await ensureDemoAccounts(db0.db, PASSWORD);
    await db0.close();

    // ~120,000 rows with 150 random characters of comment each: about 17 MB compressed.
    const file = await collect(largeXlsx(120_000, "KHONG-CO", { commentChars: 150 }));
    expect(file.length).toBeGreaterThan(15 * MB);
    expect(file.length).toBeLessThan(20 * MB);
    const tooLarge = Buffer.concat([file, Buffer.alloc(5 * MB, 1)]);

    const port = 4600 + Math.floor(Math.random() * 300);
    server = startServer({
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MAX_UPLOAD_MB: "20",
    });
    await waitReady(port);
    const s = await signInAt(port, "demo-reporter-hanoi", PASSWORD);
    const send = async (payload: Buffer) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/observations/import`, {
        method: "POST",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": XLSX, "accept-language": "en" },
        body: new Uint8Array(payload),
      });
      return { status: res.status, body: (await res.json()) as { rows?: number; error?: { code: string } } };
    };
    const probe = probeHealth(port, server.pid);
    const t0 = performance.now();
    const read = await send(file);
    const refused = await send(tooLarge);
    const took = performance.now() - t0;
    const health = await probe.stop();
    // Read to its end (every row checked) and refused for its unknown unit.
    expect(read.status, JSON.stringify(read.body).slice(0, 500)).toBe(422);
    expect(read.body.rows).toBe(120_000);
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(health.failures).toBe(0);
    expect(health.latencies.length).toBeGreaterThan(took / 1000);
    expect(health.longestGap).toBeLessThan(5000);
  }, 180_000);
});
