/**
 * The entry sheet at the size issue 14 names: 200 indicators × the period and the 12 before it.
 * No timing here (bench/entry-sheet.ts measures): the answer is complete, and it is read in the
 * same number of statements as a sheet of 10 indicators — one per concern, none per indicator.
 */
import { eq } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import * as schema from "../../src/db/schema/index.js";
import { loadUserPrincipal } from "../../src/server/auth/principal.js";
import { readSheet } from "../../src/server/observations/entry/read.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { createEntryPlan, entryItems, entryMonths } from "../helpers/entry-fixture.js";

interface Sheet {
  indicators: {
    code: string;
    cells: {
      value: { id: string; status: string; version: number } | null;
      returned: { reason: string | null } | null;
      history: unknown[];
    }[];
  }[];
}

describe.each(backends())("the entry sheet at 200 indicators × 12 periods on %s", (backend) => {
  let t: TestApp;
  const s = new Map<string, Session>();
  const months = entryMonths(12);
  const month = months.at(-1) as string;

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const p of ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-admin"])
      s.set(p, await login(t.app, p));
    for (const [plan, n] of [
      ["E200", 200],
      ["E10", 10],
    ] as const) {
      const { indicators } = await createEntryPlan(t.database.db, plan, n);
      const res = await as(
        t.app,
        s.get("demo-reporter-hanoi") ?? null,
      )({
        method: "POST",
        url: "/api/v1/observations/bulk",
        payload: { items: entryItems(indicators, "HA-NOI", months) },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (who: string, url: string) => {
    const res = await as(t.app, s.get(who) ?? null)({ url });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Sheet;
  };

  it("answers every indicator with its current value and its twelve earlier ones", async () => {
    const sheet = await get(
      "demo-reporter-hanoi",
      `/api/v1/org-units/HA-NOI/entry?plan=E200&period=${month}`,
    );
    expect(sheet.indicators).toHaveLength(200);
    for (const [i, ind] of sheet.indicators.entries()) {
      const [cell] = ind.cells;
      expect(ind.cells).toHaveLength(1);
      expect(cell?.value?.status).toBe("draft");
      expect(cell?.history).toEqual(
        months.slice(0, 12).map((_, m) => ({ value: 1000 + i * 20 + m, status: "draft" })),
      );
    }
  });

  it("reads a sheet of 200 indicators in as many statements as one of 10", async () => {
    // A few values submitted and returned in each, so every concern of the read has rows.
    for (const plan of ["E200", "E10"]) {
      const sheet = await get(
        "demo-reporter-hanoi",
        `/api/v1/org-units/HA-NOI/entry?plan=${plan}&period=${month}`,
      );
      const items = sheet.indicators
        .slice(0, 3)
        .map((i) => ({ id: i.cells[0]?.value?.id, expectedVersion: 1 }));
      for (const [who, body] of [
        ["demo-approver-hanoi", { action: "submit", items }],
        [
          "demo-admin",
          { action: "return", reason: "Xem lại", items: items.map((i) => ({ ...i, expectedVersion: 2 })) },
        ],
      ] as const) {
        const res = await as(
          t.app,
          s.get(who) ?? null,
        )({
          method: "POST",
          url: "/api/v1/observations/transitions",
          payload: body,
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      }
    }
    let statements = 0;
    const logger = { logQuery: () => void statements++ };
    const counting = (t.database.pglite
      ? drizzlePglite(t.database.pglite, { schema, logger })
      : drizzlePg(t.database.pool as NonNullable<typeof t.database.pool>, {
          schema,
          logger,
        })) as unknown as Db;
    const [user] = await t.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, "demo-reporter-hanoi"));
    const principal = await loadUserPrincipal(t.database.db, user?.id ?? "", null);
    if (!principal) throw new Error("no principal");
    const count = async (plan: string) => {
      statements = 0;
      const sheet = await readSheet(counting, principal, { code: "HA-NOI", plan, period: month });
      expect(sheet.indicators.filter((i) => i.cells[0]?.returned)).toHaveLength(3);
      return statements;
    };
    const large = await count("E200");
    const small = await count("E10");
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(10);
  });
});
