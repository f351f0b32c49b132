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
      '<!doctype html><html lang="vi"><div id="root"><div class="app"><header></header><!--first-screen: here--></div></div><script src="/assets/app-abc123.js"></script></html>',
    );
    writeFileSync(
      path.join(dir, "first-screen.json"),
      JSON.stringify({
        title: { vi: "Bảng điều khiển quốc gia", en: "National dashboard" },
        fonts: ["/assets/be-vietnam-pro-latin-600-normal-x1.woff2"],
      }),
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
    // On /, whose first screen the server draws, named for the entry to preload once that has
    // painted (src/web/main.tsx, decision 0017).
    expect(home).toContain('<meta name="chinam-page-chunks" content="/assets/Home-h1.js">');
    expect(home).not.toContain("modulepreload");
    // The title's weight of the typeface, preloaded on / only.
    expect(home).toContain(
      '<link rel="preload" as="font" type="font/woff2" href="/assets/be-vietnam-pro-latin-600-normal-x1.woff2"',
    );
    expect(roadmap).not.toContain("600-normal");
    expect(home).not.toContain("Roadmap-r1");
    // A route without hints, and a path that only starts like one, get the plain page.
    for (const url of ["/account", "/plans/NQ57/roadmap/extra"]) {
      const body = await html(url);
      expect(body, url).toContain('<div id="root">');
      expect(body, url).not.toContain("modulepreload");
    }
    // The hints file itself is not served, nor the first screen's strings.
    expect((await t.app.inject({ method: "GET", url: "/route-hints.json" })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/first-screen.json" })).statusCode).toBe(404);
  });

  it("draws the dashboard's title and the plan's full name into / before any script, in the cookie's language", async () => {
    const get = (url: string, cookie?: string) =>
      t.app.inject({ method: "GET", url, headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
    const vi = await get("/");
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain('<html lang="vi">');
    expect(vi.body).toMatch(
      /<main id="main"[^>]*>.*<h1 class="home-title[^>]*>Bảng điều khiển quốc gia<\/h1>/,
    );
    expect(vi.body).toContain(">Kế hoạch hành động chiến lược triển khai Nghị quyết số 57-NQ/TW");
    expect(vi.body).not.toContain("<!--first-screen");
    // It differs by the language cookie, so caches must keep one per cookie.
    expect(vi.headers.vary).toBe("accept-encoding, cookie");
    expect(vi.headers["cache-control"]).toBe("no-cache");

    const en = await get("/?plan=NQ57", "chinam_lang=en");
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain(">National dashboard</h1>");
    expect(en.body).toContain(">Strategic Action Plan implementing Resolution No. 57-NQ/TW");
    expect(en.headers.etag).not.toBe(vi.headers.etag);
    // An unknown language in the cookie is Vietnamese.
    expect((await get("/", "chinam_lang=fr")).body).toContain(">Bảng điều khiển quốc gia</h1>");

    // A plan that does not exist leaves the name's line empty (held, as the app holds it); a value
    // that is not a code is dropped, as the app drops it, and the default plan is shown.
    expect((await get("/?plan=NOPE")).body).toMatch(/home-plan-name[^>]*>&nbsp;<\/p>/);
    for (const url of ["/?plan=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/?plan=a&plan=b"]) {
      const body = (await get(url)).body;
      expect(body, url).toContain(">Kế hoạch hành động chiến lược triển khai");
      expect(body, url).not.toContain("<script>alert");
    }
    // A script's fetch (the service worker's precache) gets the plain page: offline it stands in
    // for every route. A navigation says so and gets the first screen.
    const fetched = (dest: string) =>
      t.app.inject({ method: "GET", url: "/", headers: { accept: "text/html", "sec-fetch-dest": dest } });
    expect((await fetched("empty")).body).not.toContain("home-title");
    expect((await fetched("document")).body).toContain("home-title");
    // Only / has it: a deep link gets its own page.
    expect((await get("/plans/NQ57/roadmap")).body).not.toContain("home-title");
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
