/**
 * The service worker file as the server serves it: at /sw.js (its scope is then the whole app),
 * as JavaScript, revalidated on every check so a new build replaces the old worker at once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWebBuild } from "../../src/server/web-app/index.js";
import { type TestApp, testApp } from "../helpers/app.js";

describe("serving the service worker", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-webdist-sw-"));
  let t: TestApp;
  beforeAll(async () => {
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, "sw.js"), `self.__precache = ${JSON.stringify("x".repeat(600))};`);
    t = await testApp("pglite", {}, { web: loadWebBuild(dir) });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves /sw.js as JavaScript with no-cache, and a 304 to a matching ETag", async () => {
    const res = await t.app.inject({ method: "GET", url: "/sw.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/javascript");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toContain("__precache");
    const again = await t.app.inject({
      method: "GET",
      url: "/sw.js",
      headers: { "if-none-match": String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it("answers 404 for /sw.js when the build has none", async () => {
    const bare = mkdtempSync(path.join(tmpdir(), "chinam-webdist-nosw-"));
    writeFileSync(path.join(bare, "index.html"), "<!doctype html>");
    const other = await testApp("pglite", {}, { web: loadWebBuild(bare) });
    try {
      expect((await other.app.inject({ method: "GET", url: "/sw.js" })).statusCode).toBe(404);
    } finally {
      await other.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
