import { readFile } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yieldToEventLoop } from "../../src/db/chunked.js";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { type TestApp, testApp } from "../helpers/app.js";

/** PGlite runs in-process: a long import must leave room for other requests (health checks). */
describe("long writes on the embedded database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("yield to waiting timers and I/O even when the work began in an I/O callback", async () => {
    // An import runs on from the request that started it, an I/O callback (the poll phase). A
    // yield resolved in that same loop iteration's check phase lets no timer or socket in: the
    // next chunk ran straight after the previous one (issue 10: /healthz unanswered for 5.5 s
    // over two 10,000-row chunks).
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const seen: string[] = [];
    // A connected socket whose peer will send while the work runs (a health check coming in).
    const server = createServer((s) => s.on("data", () => seen.push("socket")));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address() as { port: number };
    const client: Socket = await new Promise((r) => {
      const c = connect(address.port, "127.0.0.1", () => r(c));
    });
    await new Promise((r) => setTimeout(r, 50));
    const order = await new Promise<string[]>((resolve) => {
      readFile(import.meta.filename, async () => {
        setTimeout(() => seen.push("timer"), 0);
        client.write("GET /healthz HTTP/1.1\r\n\r\n");
        for (let i = 0; i < 3; i++) {
          busy(20);
          seen.push(`chunk ${i}`);
          await yieldToEventLoop();
        }
        resolve(seen);
      });
    });
    client.destroy();
    server.close();
    expect(order).toEqual(["chunk 0", "timer", "socket", "chunk 1", "chunk 2"]);
  });

  it("keep /healthz answering while a 500-indicator plan imports", async () => {
    const def = planDefinition.parse({
      code: "BIG",
      name: "Kế hoạch lớn",
      startYear: 2025,
      endYear: 2030,
      indicators: Array.from({ length: 500 }, (_, i) => ({
        code: `BIG_OI_${i}`,
        tier: "operational",
        name: `Chỉ số ${i}`,
        targets: [{ year: 2030, value: i }],
      })),
    });
    let importDone = 0;
    const importing = importPlanDefinition(t.database.db, def, { actor: "test" }).then(() => {
      importDone = performance.now();
    });
    const answered: number[] = [];
    const probes = (async () => {
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({ url: "/healthz" });
        expect(res.statusCode).toBe(200);
        answered.push(performance.now());
      }
    })();
    await Promise.all([importing, probes]);
    expect(importDone).toBeGreaterThan(0);
    // Every health check answered while the import was still running.
    expect(answered.every((ts) => ts < importDone)).toBe(true);
  });
});
