/**
 * One stale-version 409 everywhere (issue 11): a write, a transition or a delete naming a version
 * that is no longer current is refused with the current value (version, value, status) in
 * `details` — over HTTP, and in the writers below the commands when a value changed between
 * being read and being written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/db/client.js";
import { observations } from "../../src/db/schema/index.js";
import type { ObservationRow } from "../../src/server/observations/values/model.js";
import { deleteObservation, transitionObservation } from "../../src/server/observations/values/transition.js";
import { transitionObservations } from "../../src/server/observations/values/transition-many.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface ErrorBody {
  error: { code: string; details?: { path?: string; value?: unknown }[] };
}

const IND = "OI_DOSSIERS_ONLINE"; // monthly, System 1
const ctx = { actor: "test:stale" };

describe.each(backends())("the stale-version 409 on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of ["demo-reporter-hanoi", "demo-approver-hanoi"]) s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string) => as(t.app, s[who] ?? null);
  const put = (period: string, value: number, expectedVersion?: number) =>
    req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: {
        indicator: IND,
        unit: "HA-NOI",
        period,
        value,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      },
    });
  /** A value at version 2 (written, then changed), for a stale version 1 to meet. */
  const atVersion2 = async (period: string): Promise<string> => {
    const created = await put(period, 100);
    expect(created.statusCode).toBe(201);
    expect((await put(period, 200, 1)).statusCode).toBe(200);
    return (created.json() as { id: string }).id;
  };
  const expectCurrentInDetails = (res: { statusCode: number; json: () => unknown }, current: object) => {
    expect(res.statusCode).toBe(409);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe("STALE_VERSION");
    expect(body.error.details?.[0]).toMatchObject({ path: "expectedVersion", value: current });
  };

  it("answers a stale write with the current value", async () => {
    await atVersion2("2026-01");
    expectCurrentInDetails(await put("2026-01", 300, 1), { version: 2, value: 200, status: "draft" });
    // 0 means create only: the value exists.
    expectCurrentInDetails(await put("2026-01", 300, 0), { version: 2, value: 200, status: "draft" });
  });

  it("answers a stale transition with the current value", async () => {
    const id = await atVersion2("2026-02");
    const res = await req("demo-approver-hanoi")({
      method: "POST",
      url: `/api/v1/observations/${id}/submit`,
      payload: { expectedVersion: 1 },
    });
    expectCurrentInDetails(res, { version: 2, value: 200, status: "draft" });
  });

  it("answers a stale delete with the current value", async () => {
    const id = await atVersion2("2026-03");
    const res = await req("demo-reporter-hanoi")({
      method: "DELETE",
      url: `/api/v1/observations/${id}?expectedVersion=1`,
    });
    expectCurrentInDetails(res, { version: 2, value: 200, status: "draft" });
  });

  it("answers a value changed between read and write with the current value, in each writer", async () => {
    const id = await atVersion2("2025-12");
    const db = t.database.db;
    const [now] = await db.select().from(observations).where(eq(observations.id, id));
    // The row as a writer read it before the last change.
    const stale = { ...(now as ObservationRow), version: 1 };
    const current = { version: 2, value: 200, status: "draft" };
    const writers: ((tx: Executor) => Promise<unknown>)[] = [
      (tx) => transitionObservation(tx, stale, "submit", ctx),
      (tx) => deleteObservation(tx, stale, ctx),
      (tx) => transitionObservations(tx, [stale], "submit", ctx),
    ];
    for (const write of writers) {
      const err = await db.transaction((tx) => write(tx)).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: "STALE_VERSION",
        details: [{ path: "expectedVersion", value: current }],
      });
    }
    const [after] = await db.select().from(observations).where(eq(observations.id, id));
    expect(after).toMatchObject({ version: 2, status: "draft", deletedAt: null });
  });
});
