/**
 * The build names each route's page chunks in that route's index.html (src/web/vite.config.ts,
 * routeHints). It finds the routes by reading app/routes.tsx: if a route were written in a way
 * the reader misses, its page would silently load one round trip later. This test keeps the
 * reader and the route file in step.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routePattern } from "../../src/server/web-app/assets.js";
import { routePages } from "../../src/web/vite.config.js";

const source = readFileSync(path.resolve(import.meta.dirname, "../../src/web/app/routes.tsx"), "utf8");

describe("route hints", () => {
  it("finds a path and a lazily loaded page for every route in routes.tsx", () => {
    const routes = source.match(/\bcreateRoute\(/g)?.length ?? 0;
    const pages = routePages(source);
    expect(routes).toBeGreaterThanOrEqual(9);
    expect(pages).toHaveLength(routes);
    expect(pages).toContainEqual({ path: "/", module: "pages/home/HomePage" });
    expect(pages).toContainEqual({ path: "/plans/$plan/roadmap", module: "pages/roadmap/RoadmapPage" });
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });

  it("matches a route's URLs and nothing else", () => {
    const roadmap = routePattern("/plans/$plan/roadmap");
    expect(roadmap.test("/plans/NQ57/roadmap")).toBe(true);
    expect(roadmap.test("/plans/NQ57/roadmap/")).toBe(true);
    expect(roadmap.test("/plans/NQ57/roadmap/x")).toBe(false);
    expect(roadmap.test("/plans//roadmap")).toBe(false);
    expect(roadmap.test("/xplans/NQ57/roadmap")).toBe(false);
    const home = routePattern("/");
    expect(home.test("/")).toBe(true);
    expect(home.test("/sign-in")).toBe(false);
    expect(routePattern("/indicators/$code").test("/indicators/K.1-a")).toBe(true);
  });
});
