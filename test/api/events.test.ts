import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Received {
  id: string;
  data: { indicators: string[]; units: string[]; values: { status: string }[] };
}

/** An event-stream client over real HTTP, collecting `change` events. */
function subscribe(url: string, headers: Record<string, string> = {}) {
  const events: Received[] = [];
  const controller = new AbortController();
  const ready = (async () => {
    const res = await fetch(url, { headers, signal: controller.signal });
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut = buffer.indexOf("\n\n");
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const id = /^id: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (id && data) events.push({ id, data: JSON.parse(data) });
            cut = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
    })();
  })();
  return { events, ready, close: () => controller.abort() };
}

const until = async (check: () => boolean, ms = 2000) => {
  const start = Date.now();
  while (!check() && Date.now() - start < ms) await new Promise((r) => setTimeout(r, 20));
  return Date.now() - start;
};

describe.each(backends())("event stream on %s", (backend) => {
  let t: TestApp;
  let base = "";
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    for (const u of ["demo-reporter-hanoi", "demo-reporter-hcm", "demo-steering", "demo-approver-hanoi"])
      s[u] = await login(t.app, u);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("delivers a change within a second, only to those who may read it, and replays what a client missed", async () => {
    const hanoi = subscribe(`${base}/api/v1/events`, { cookie: s["demo-reporter-hanoi"]?.cookie ?? "" });
    const hcm = subscribe(`${base}/api/v1/events`, { cookie: s["demo-reporter-hcm"]?.cookie ?? "" });
    const steering = subscribe(`${base}/api/v1/events`, { cookie: s["demo-steering"]?.cookie ?? "" });
    const anonymous = subscribe(`${base}/api/v1/events`);
    await Promise.all([hanoi.ready, hcm.ready, steering.ready, anonymous.ready]);
    await new Promise((r) => setTimeout(r, 100));
    const write = await as(
      t.app,
      s["demo-reporter-hanoi"] ?? null,
    )({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-11", value: 42 },
    });
    expect(write.statusCode).toBe(201);
    const waited = await until(() => hanoi.events.length > 0);
    expect(waited).toBeLessThan(1000);
    expect(hanoi.events[0]?.data).toMatchObject({
      indicators: ["OI_DOSSIERS_ONLINE"],
      units: ["HA-NOI"],
      // The KPI it feeds and the target that KPI measures, and their systems: the tiles to refresh.
      targets: expect.arrayContaining(["K_ONLINE_PUBLIC_SERVICE_RATE"]),
      systems: expect.arrayContaining(["S1"]),
    });
    // A draft is the unit's own: nobody else hears of it.
    await new Promise((r) => setTimeout(r, 300));
    expect([hcm.events.length, steering.events.length, anonymous.events.length]).toEqual([0, 0, 0]);
    // Submitted: the Steering Committee hears of it too.
    const id = (write.json() as { id: string }).id;
    await as(
      t.app,
      s["demo-approver-hanoi"] ?? null,
    )({ method: "POST", url: `/api/v1/observations/${id}/submit` });
    await until(() => steering.events.length > 0);
    expect(steering.events[0]?.data.values[0]?.status).toBe("submitted");
    expect(hcm.events.length).toBe(0);
    for (const c of [hanoi, hcm, steering, anonymous]) c.close();

    const again = subscribe(`${base}/api/v1/events`, {
      cookie: s["demo-reporter-hanoi"]?.cookie ?? "",
      "last-event-id": "0",
    });
    await again.ready;
    await until(() => again.events.length >= 2);
    expect(again.events.map((e) => e.data.values[0]?.status)).toEqual(["draft", "submitted"]);
    again.close();
  });

  it.runIf(backend === "postgres")(
    "delivers every event from every server process on one PostgreSQL",
    async () => {
      const second = await buildApp({
        config: t.app.deps.config,
        database: t.database,
        logger: false,
        anchor: t.app.deps.auditAnchor,
      });
      await second.listen({ port: 0, host: "127.0.0.1" });
      const addr = second.server.address();
      const other = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
      const client = subscribe(`${other}/api/v1/events`, { cookie: s["demo-reporter-hanoi"]?.cookie ?? "" });
      await client.ready;
      await new Promise((r) => setTimeout(r, 100));
      await as(
        t.app,
        s["demo-reporter-hanoi"] ?? null,
      )({
        method: "PUT",
        url: "/api/v1/observations",
        payload: { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-12", value: 7 },
      });
      expect(await until(() => client.events.length > 0)).toBeLessThan(1000);
      client.close();
      await second.close();
    },
  );
});
