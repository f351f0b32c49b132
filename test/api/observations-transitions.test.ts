/**
 * Reviewing many values at once (issue 14, item 4): POST /observations/transitions approves,
 * returns (with a required reason, kept on each value), submits or recalls a set of values as one
 * command — all or nothing, one audit entry that lists every value, a stale version refusing the
 * whole batch — and the review queue, GET /observations?status=submitted&reviewable=true&under=.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personas } from "../access/matrix/case.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Obs {
  id: string;
  indicator: string;
  unit: string;
  period: string;
  status: string;
  version: number;
  can: Record<string, boolean>;
}
interface Err {
  error: { code: string; message: string; details?: { path?: string; message: string; value?: unknown }[] };
}
interface Batch {
  action: string;
  count: number;
  batchId: string;
  auditSeq: number | null;
  items: Obs[];
}
interface Revision {
  version: number;
  status: string;
  comment: string | null;
  changedBy: string;
}

describe.each(backends())("many values through one move on %s", (backend) => {
  let t: TestApp;
  const s = new Map<string, Session>();
  let month = 0;

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const p of personas) if (p !== "anonymous") s.set(p, await login(t.app, p));
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string) => as(t.app, s.get(who) ?? null);
  const call = async (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    const res = await req(who)({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    return { status: res.statusCode, body: res.json() as unknown, raw: res.body };
  };
  const one = async (id: string) =>
    (await call("demo-admin", "GET", `/api/v1/observations/${id}`)).body as Obs;

  /** `n` values of a unit, each in a fresh cell from July 2025, brought to `state` by its own people. */
  async function values(
    unit: "HA-NOI" | "HO-CHI-MINH",
    n: number,
    state: "draft" | "submitted",
  ): Promise<Obs[]> {
    const reporter = unit === "HA-NOI" ? "demo-reporter-hanoi" : "demo-reporter-hcm";
    const out: Obs[] = [];
    for (let k = 0; k < n; k++) {
      month++;
      // July 2025 onwards: TP Hồ Chí Minh exists as merged from then.
      const m = 2025 * 12 + 6 + ((month - 1) % 12);
      const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      const indicator = [
        "OI_DOSSIERS_ONLINE",
        "OI_DOSSIERS_TOTAL",
        "OI_EDOCS_EXCHANGED",
        "OI_DOCS_ISSUED_TOTAL",
      ][Math.floor((month - 1) / 12)];
      const w = await call(reporter, "PUT", "/api/v1/observations", {
        indicator,
        unit,
        period,
        value: 100 + month,
      });
      expect(w.status, w.raw).toBe(201);
      out.push(w.body as Obs);
    }
    if (state === "submitted" && unit === "HA-NOI") {
      const sent = await call("demo-approver-hanoi", "POST", "/api/v1/observations/transitions", {
        action: "submit",
        items: out.map((o) => ({ id: o.id, expectedVersion: o.version })),
      });
      expect(sent.status, sent.raw).toBe(200);
      return (sent.body as Batch).items;
    }
    if (state === "submitted") {
      // TP Hồ Chí Minh has no approver among the personas: an administrator moves them in-process.
      const { transitionObservation } = await import("../../src/server/observations/values/transition.js");
      const { valueById } = await import("../../src/server/observations/values/queries.js");
      for (const o of out) {
        const row = await valueById(t.database.db, o.id);
        if (row)
          await t.database.db.transaction((tx) =>
            transitionObservation(tx, row, "submit", { actor: "test" }),
          );
      }
      return Promise.all(out.map((o) => one(o.id)));
    }
    return out;
  }
  const auditCount = async (action: string) => {
    const res = await call("demo-admin", "GET", `/api/v1/audit?entityType=observation&limit=1000`);
    return ((res.body as { items: { action: string }[] }).items ?? []).filter((e) => e.action === action)
      .length;
  };

  it("an approver submits a month at once; the values come back with their new versions and flags", async () => {
    const drafts = await values("HA-NOI", 3, "draft");
    const res = await call("demo-approver-hanoi", "POST", "/api/v1/observations/transitions", {
      action: "submit",
      items: drafts.map((d) => ({ id: d.id, expectedVersion: 1 })),
    });
    expect(res.status, res.raw).toBe(200);
    const b = res.body as Batch;
    expect(b.count).toBe(3);
    expect(b.items.map((i) => [i.id, i.status, i.version])).toEqual(
      drafts.map((d) => [d.id, "submitted", 2]),
    );
    expect(b.items.every((i) => i.can.recall && !i.can.submit)).toBe(true);
  });

  it("approves many in one command and one audit entry that lists every value, before and after", async () => {
    const sent = await values("HA-NOI", 4, "submitted");
    const before = await auditCount("observations.approve");
    const res = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "approve",
      items: sent.map((o) => ({ id: o.id, expectedVersion: o.version })),
    });
    expect(res.status, res.raw).toBe(200);
    const b = res.body as Batch;
    expect(b.items.map((i) => i.status)).toEqual(["approved", "approved", "approved", "approved"]);
    expect(await auditCount("observations.approve")).toBe(before + 1);
    const entry = (await call("demo-admin", "GET", `/api/v1/audit/${b.auditSeq}`)).body as {
      action: string;
      rowCount: number;
      after: { importId: string; action: string; count: number };
      rows: { items: { observationId: string; before: { status: string }; after: { status: string } }[] };
    };
    expect(entry).toMatchObject({ action: "observations.approve", rowCount: 4 });
    expect(entry.after).toMatchObject({ importId: b.batchId, count: 4 });
    expect(entry.rows.items.map((r) => r.observationId).sort()).toEqual(sent.map((o) => o.id).sort());
    expect(
      entry.rows.items.every((r) => r.before.status === "submitted" && r.after.status === "approved"),
    ).toBe(true);
  });

  it("returns many with a required reason, kept on each value's revision and shown to the unit", async () => {
    const sent = await values("HA-NOI", 2, "submitted");
    const items = sent.map((o) => ({ id: o.id, expectedVersion: o.version }));
    const none = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "return",
      items,
    });
    expect(none.status).toBe(400);
    expect((none.body as Err).error.code).toBe("VALIDATION_FAILED");
    expect((none.body as Err).error.message).toMatch(/lý do/);
    expect((await one(sent[0]?.id ?? "")).status).toBe("submitted");
    const reason = "Số liệu lệch với báo cáo quý";
    const res = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "return",
      reason,
      items,
    });
    expect(res.status, res.raw).toBe(200);
    for (const o of sent) {
      const revs = (await call("demo-reporter-hanoi", "GET", `/api/v1/observations/${o.id}/revisions`))
        .body as {
        items: Revision[];
      };
      expect(revs.items.at(-1)).toMatchObject({
        status: "draft",
        comment: reason,
        changedBy: "demo-standing",
      });
    }
    const period = sent[0]?.period ?? "";
    const sheet = (
      await call("demo-reporter-hanoi", "GET", `/api/v1/org-units/HA-NOI/entry?period=${period}`)
    ).body as { indicators: { code: string; cells: { returned: { reason: string } | null }[] }[] };
    const cell = sheet.indicators.find((i) => i.code === sent[0]?.indicator)?.cells[0];
    expect(cell?.returned?.reason).toBe(reason);
  });

  it("a single return needs its reason too", async () => {
    const [o] = await values("HA-NOI", 1, "submitted");
    const bare = await call("demo-standing", "POST", `/api/v1/observations/${o?.id}/return`, {});
    expect(bare.status).toBe(400);
    expect((bare.body as Err).error.details?.[0]?.path).toBe("body.reason");
    expect((await one(o?.id ?? "")).status).toBe("submitted");
  });

  it("a stale version refuses the whole batch, naming each value that changed", async () => {
    const sent = await values("HA-NOI", 3, "submitted");
    const items = sent.map((o) => ({ id: o.id, expectedVersion: o.version }));
    // Someone recalls one of them meanwhile (and it is submitted again: same state, newer version).
    const moved = sent[1]?.id ?? "";
    await call("demo-approver-hanoi", "POST", `/api/v1/observations/${moved}/recall`, {});
    await call("demo-approver-hanoi", "POST", `/api/v1/observations/${moved}/submit`, {});
    const before = await auditCount("observations.approve");
    const res = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "approve",
      items,
    });
    expect(res.status).toBe(409);
    const err = (res.body as Err).error;
    expect(err.code).toBe("STALE_BATCH");
    expect(err.message).toBe(
      "1/3 số liệu đã thay đổi kể từ khi bạn tải danh sách: không số liệu nào được xử lý. Hãy tải lại rồi thử lại.",
    );
    expect(err.details).toHaveLength(1);
    expect(err.details?.[0]).toMatchObject({
      path: "body.items.1.expectedVersion",
      value: { id: moved, version: 4, status: "submitted" },
    });
    for (const o of sent) expect((await one(o.id)).status).toBe("submitted");
    expect(await auditCount("observations.approve")).toBe(before);
    const en = await req("demo-standing")({
      method: "POST",
      url: "/api/v1/observations/transitions",
      headers: { "accept-language": "en" },
      payload: { action: "approve", items },
    });
    expect((en.json() as Err).error.message).toMatch(/^1 of the 3 values changed since you loaded them/);
  });

  it("all or nothing: a value in another state, or not the caller's, stops every other one", async () => {
    const sent = await values("HA-NOI", 3, "submitted");
    const [done, ...rest] = sent;
    const approved = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "approve",
      items: [{ id: done?.id, expectedVersion: done?.version }],
    });
    const officialItem = (approved.body as Batch).items[0];
    const items = [...rest, officialItem].map((o) => ({ id: o?.id, expectedVersion: o?.version }));
    const wrong = await call("demo-standing", "POST", "/api/v1/observations/transitions", {
      action: "approve",
      items,
    });
    expect(wrong.status).toBe(409);
    expect((wrong.body as Err).error.code).toBe("INVALID_STATE");
    expect((wrong.body as Err).error.details?.map((d) => d.path)).toEqual(["body.items.2"]);
    for (const o of rest) expect((await one(o.id)).status).toBe("submitted");
    const [draft] = await values("HA-NOI", 1, "draft");
    // The unit's approver may not approve, and another unit's draft does not exist for them.
    const own = await call("demo-approver-hanoi", "POST", "/api/v1/observations/transitions", {
      action: "approve",
      items: items.slice(0, 2),
    });
    expect(own.status).toBe(403);
    expect((own.body as Err).error.code).toBe("FORBIDDEN");
    const [hcm] = await values("HO-CHI-MINH", 1, "draft");
    const theirs = await call("demo-approver-hanoi", "POST", "/api/v1/observations/transitions", {
      action: "submit",
      items: [
        { id: draft?.id, expectedVersion: 1 },
        { id: hcm?.id, expectedVersion: 1 },
      ],
    });
    expect(theirs.status).toBe(404);
    expect((theirs.body as Err).error.details?.map((d) => d.path)).toEqual(["body.items.1.id"]);
    const still = await call("demo-reporter-hanoi", "GET", `/api/v1/observations/${draft?.id}`);
    expect((still.body as Obs).status).toBe("draft");
    const twice = await call("demo-approver-hanoi", "POST", "/api/v1/observations/transitions", {
      action: "submit",
      items: [
        { id: draft?.id, expectedVersion: 1 },
        { id: draft?.id, expectedVersion: 1 },
      ],
    });
    expect(twice.status).toBe(400);
  });

  it("the review queue: submitted values the caller may review, by unit subtree, paged, with their flags", async () => {
    // A unit below Hà Nội (its people's grants cover it), with a submitted value.
    const child = await call("demo-admin", "POST", "/api/v1/org-units", {
      code: "HA-NOI-X1",
      kind: "commune",
      name: "Phường thử",
      parent: "HA-NOI",
    });
    expect(child.status, child.raw).toBe(201);
    const w = await call("demo-reporter-hanoi", "PUT", "/api/v1/observations", {
      indicator: "OI_DOSSIERS_TOTAL",
      unit: "HA-NOI-X1",
      period: "2025-06",
      value: 12,
    });
    expect(w.status, w.raw).toBe(201);
    const sub = await call(
      "demo-approver-hanoi",
      "POST",
      `/api/v1/observations/${(w.body as Obs).id}/submit`,
      {},
    );
    expect(sub.status, sub.raw).toBe(200);
    await values("HA-NOI", 2, "submitted");
    await values("HO-CHI-MINH", 2, "submitted");
    const queue = async (who: string, extra = "") => {
      const res = await call(
        who,
        "GET",
        `/api/v1/observations?status=submitted&reviewable=true&limit=1000${extra}`,
      );
      expect(res.status, res.raw).toBe(200);
      return (res.body as { items: Obs[]; total: number }).items;
    };
    const units = async (extra: string) => new Set((await queue("demo-standing", extra)).map((o) => o.unit));
    const standing = await queue("demo-standing");
    expect(standing.length).toBeGreaterThanOrEqual(5);
    expect(standing.every((o) => o.status === "submitted" && o.can.approve && o.can.return)).toBe(true);
    expect(await units("&under=HA-NOI")).toEqual(new Set(["HA-NOI", "HA-NOI-X1"]));
    expect(await units("&unit=HA-NOI")).toEqual(new Set(["HA-NOI"]));
    expect(await units("&under=HA-NOI-X1")).toEqual(new Set(["HA-NOI-X1"]));
    // The country stands above every unit, as in the roll-ups.
    expect(await units("&under=VN")).toEqual(new Set(["HA-NOI", "HA-NOI-X1", "HO-CHI-MINH"]));
    const byIndicator = await queue("demo-standing", "&indicator=OI_DOSSIERS_ONLINE&from=2025-07&to=2025-12");
    expect(
      byIndicator.every((o) => o.indicator === "OI_DOSSIERS_ONLINE" && o.period.startsWith("2025-")),
    ).toBe(true);
    const page = await call(
      "demo-standing",
      "GET",
      "/api/v1/observations?status=submitted&reviewable=true&limit=2",
    );
    expect((page.body as { nextCursor: string | null }).nextCursor).not.toBeNull();
    // Readers who review nothing see the values, not the queue.
    expect(await queue("demo-steering")).toEqual([]);
    expect(await queue("demo-reporter-hanoi")).toEqual([]);
  });

  it("the queue holds exactly the values whose flags say approve or return, for every persona", async () => {
    for (const p of personas.filter((x) => x !== "anonymous")) {
      const all = (await call(p, "GET", "/api/v1/observations?status=submitted&limit=1000")).body as {
        items: Obs[];
      };
      const q = (await call(p, "GET", "/api/v1/observations?status=submitted&reviewable=true&limit=1000"))
        .body as {
        items: Obs[];
      };
      const flagged = all.items.filter((o) => o.can.approve || o.can.return).map((o) => o.id);
      expect(
        q.items.map((o) => o.id),
        p,
      ).toEqual(flagged);
    }
  });
});
