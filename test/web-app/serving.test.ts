/**
 * How the server delivers the web app and large JSON: hashed assets cached for a year and sent
 * compressed, index.html revalidated and served for deep links (never for /api/ paths), and JSON
 * answers gzipped when the client takes it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWebBuild } from "../../src/server/web-app/index.js";
import { type TestApp, testApp } from "../helpers/app.js";

describe("serving the web app", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-webdist-"));
  let t: TestApp;
  const script = `console.log(${JSON.stringify("Chỉ Nam ".repeat(200))});`;
  beforeAll(async () => {
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(
      path.join(dir, "index.html"),
      '<!doctype html><div id="root"></div><script src="/assets/app-abc123.js"></script>',
    );
    writeFileSync(path.join(dir, "assets", "app-abc123.js"), script);
    writeFileSync(
      path.join(dir, "route-hints.json"),
      JSON.stringify([
        { path: "/plans/$plan/roadmap", js: ["/assets/Roadmap-r1.js"], css: ["/assets/Roadmap-r1.css"] },
        { path: "/", js: ["/assets/Home-h1.js"], css: [] },
      ]),
    );
    t = await testApp("pglite", {}, { web: loadWebBuild(dir) });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html at / and at deep links, revalidated on every load", async () => {
    for (const url of ["/", "/indicators/KPI-S1-01?tab=units", "/plans/NQ57/roadmap"]) {
      const res = await t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it("names each route's page chunks in its copy of index.html, and only there", async () => {
    const html = (url: string) =>
      t.app.inject({ method: "GET", url, headers: { accept: "text/html" } }).then((r) => r.body);
    const roadmap = await html("/plans/NQ57/roadmap?phase=P1");
    expect(roadmap).toContain('<link rel="modulepreload" crossorigin href="/assets/Roadmap-r1.js">');
    expect(roadmap).toContain('<link rel="stylesheet" crossorigin href="/assets/Roadmap-r1.css">');
    expect(roadmap).not.toContain("Home-h1");
    expect(await html("/plans/NQ57/roadmap/")).toContain("Roadmap-r1.js");
    const home = await html("/");
    expect(home).toContain('href="/assets/Home-h1.js"');
    expect(home).not.toContain("Roadmap-r1");
    // A route without hints, and a path that only starts like one, get the plain page.
    for (const url of ["/account", "/plans/NQ57/roadmap/extra"]) {
      const body = await html(url);
      expect(body, url).toContain('<div id="root">');
      expect(body, url).not.toContain("modulepreload");
    }
    // The hints file itself is not served.
    expect((await t.app.inject({ method: "GET", url: "/route-hints.json" })).statusCode).toBe(404);
  });

  it("keeps unknown API paths and missing assets as 404s, never the app", async () => {
    const api = await t.app.inject({
      method: "GET",
      url: "/api/v1/nothing",
      headers: { accept: "text/html" },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("ROUTE_NOT_FOUND");
    const asset = await t.app.inject({ method: "GET", url: "/assets/missing-123.js" });
    expect(asset.statusCode).toBe(404);
  });

  it("sends hashed assets compressed with a year-long immutable cache and an ETag", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(res.rawPayload).toString("utf8")).toBe(script);
    const again = await t.app.inject({
      method: "GET",
      url: "/assets/app-abc123.js",
      headers: { "if-none-match": String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const plain = await t.app.inject({ method: "GET", url: "/assets/app-abc123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("gzips a large JSON answer for a client that takes gzip, and only then", async () => {
    const url = "/api/v1/plans/NQ57/indicators?limit=200";
    const zipped = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, br" } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const plain = await t.app.inject({ method: "GET", url });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString("utf8"))).toEqual(plain.json());
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });
});
