import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError } from "../../src/db/data-dir-lock.js";
import { loadConfig } from "../../src/server/core/config.js";
import { type Started, startServer } from "../../src/server/start.js";

/** What a new user meets: first start on an empty DATA_DIR loads NQ57 and serves it. */
describe("first start on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chinam-start-"));
  const config = () => loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
  let server: Started | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates, seeds NQ57 and serves it over HTTP", async () => {
    server = await startServer(config());
    const initiatives = await fetch(`${server.url}/api/v1/plans/NQ57/initiatives`);
    expect(initiatives.status).toBe(200);
    expect(((await initiatives.json()) as { items: unknown[] }).items).toHaveLength(30);
    const provinces = await fetch(`${server.url}/api/v1/org-units?kind=province&current=true`);
    expect(((await provinces.json()) as { total: number }).total).toBe(34);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("refuses a second server on the same DATA_DIR while the first runs", async () => {
    await expect(startServer(config())).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it("starts again on the same data without re-seeding, keeping the generated secret", async () => {
    const secret = config().SESSION_SECRET;
    await server?.stop();
    server = await startServer(config());
    expect(config().SESSION_SECRET).toBe(secret);
    const instance = (await (await fetch(`${server.url}/api/v1/instance`)).json()) as {
      seeds: Record<string, unknown>;
    };
    expect(Object.keys(instance.seeds).sort()).toEqual(["NQ57", "org-units"]);
    const hist = (await (await fetch(`${server.url}/api/v1/indicators/T30-A02/history`)).json()) as {
      total: number;
    };
    expect(hist.total).toBe(2);
  });
});
