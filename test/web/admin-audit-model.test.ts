import { describe, expect, it } from "vitest";
import {
  auditQuery,
  badRange,
  day,
  entityLink,
  isBulk,
  reasonOf,
  text,
  verifyLines,
} from "../../src/web/pages/admin-audit/audit-model.js";

describe("the URL's readers", () => {
  it("day accepts only calendar days that exist", () => {
    expect(day("2026-12-07")).toBe("2026-12-07");
    expect(day("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-12-7", "07/12/2026", 20261207, null, ""])
      expect(day(bad)).toBeUndefined();
  });
  it("text trims, bounds the length and refuses control characters", () => {
    expect(text("  demo-admin ", 200)).toBe("demo-admin");
    expect(text("NQ57/S1", 200)).toBe("NQ57/S1");
    expect(text(42, 200)).toBe("42");
    expect(text("   ", 200)).toBeUndefined();
    expect(text("x".repeat(201), 200)).toBeUndefined();
    expect(text("a\nb", 200)).toBeUndefined();
    expect(text({}, 200)).toBeUndefined();
  });
});

describe("auditQuery", () => {
  it("passes the filters, and days as the user's local start and end of day", () => {
    const q = auditQuery(
      { entityType: "api_token", entityId: "abc", actor: "demo-admin", from: "2026-12-01", to: "2026-12-07" },
      50,
      "CUR",
    );
    expect(q).toMatchObject({
      limit: 50,
      cursor: "CUR",
      entityType: "api_token",
      entityId: "abc",
      actor: "demo-admin",
    });
    expect(new Date(q.from ?? "").getTime()).toBe(new Date(2026, 11, 1, 0, 0, 0, 0).getTime());
    expect(new Date(q.to ?? "").getTime()).toBe(new Date(2026, 11, 7, 23, 59, 59, 999).getTime());
  });
  it("leaves out what is not set", () => {
    expect(auditQuery({}, 50)).toEqual({ limit: 50 });
  });
  it("badRange says when the days run backwards", () => {
    expect(badRange({ from: "2026-12-08", to: "2026-12-07" })).toBe(true);
    expect(badRange({ from: "2026-12-07", to: "2026-12-07" })).toBe(false);
    expect(badRange({ from: "2026-12-07" })).toBe(false);
  });
});

describe("entityLink", () => {
  it("links indicators, targets (to their indicator), units, systems, initiatives and accounts", () => {
    expect(entityLink("indicator", "T30-A02")).toEqual({
      to: "/indicators/$code",
      params: { code: "T30-A02" },
    });
    expect(entityLink("indicator_target", "T30-A02/NQ57/2030/HA-NOI")).toEqual({
      to: "/indicators/$code",
      params: { code: "T30-A02" },
    });
    expect(entityLink("org_unit", "HA-NOI")).toEqual({ to: "/org-units/$code", params: { code: "HA-NOI" } });
    expect(entityLink("system", "NQ57/S1")).toEqual({
      to: "/plans/$plan/systems/$system",
      params: { plan: "NQ57", system: "S1" },
    });
    expect(entityLink("initiative", "NQ57/I3")).toEqual({
      to: "/plans/$plan/initiatives/$initiative",
      params: { plan: "NQ57", initiative: "I3" },
    });
    expect(entityLink("user", "1b2c")).toEqual({ to: "/admin/users/$id", params: { id: "1b2c" } });
  });
  it("links nothing without an id or a page", () => {
    expect(entityLink("indicator", null)).toBeNull();
    expect(entityLink("observation", "uuid")).toBeNull();
    expect(entityLink("api_token", "uuid")).toBeNull();
    expect(entityLink("system", "S1")).toBeNull();
  });
});

describe("reasonOf and isBulk", () => {
  it("finds the reason after, else before", () => {
    expect(reasonOf({ before: null, after: { reason: "Điều chỉnh" } })).toBe("Điều chỉnh");
    expect(reasonOf({ before: { reason: "cũ" }, after: { value: 1 } })).toBe("cũ");
    expect(reasonOf({ before: null, after: { reason: "  " } })).toBeNull();
    expect(reasonOf({ before: [1], after: "x" })).toBeNull();
  });
  it("knows a bulk entry by its import id", () => {
    expect(isBulk({ after: { importId: "i-1", imported: 3 } })).toBe(true);
    expect(isBulk({ after: { importId: 3 } })).toBe(false);
    expect(isBulk({ after: null })).toBe(false);
  });
});

describe("verifyLines", () => {
  const head = { seq: 120, hash: "0123456789abcdef0123456789abcdef" };
  it("an intact chain with a matching anchor", () => {
    expect(
      verifyLines({ ok: true, entries: 120, head, anchor: { seq: 120, status: "matches" } }).map((l) => [
        l.key,
        l.values,
      ]),
    ).toEqual([
      ["verify.intact", { count: 120 }],
      ["verify.head", { seq: 120, hash: "0123456789abcdef" }],
      ["verify.anchor.matches", { seq: 120 }],
    ]);
  });
  it("an intact chain without an anchor says only the links were checked", () => {
    expect(verifyLines({ ok: true, entries: 0, head: null }).map((l) => l.key)).toEqual([
      "verify.intact",
      "verify.anchor.none",
    ]);
  });
  it("an edited entry: where and how it breaks", () => {
    expect(
      verifyLines({ ok: false, entries: 2, head, brokenAt: { seq: 3, kind: "content" } }).map((l) => [
        l.key,
        l.values,
      ]),
    ).toEqual([
      ["verify.broken", { seq: 3 }],
      ["verify.kind.content", {}],
      ["verify.head", { seq: 120, hash: "0123456789abcdef" }],
      ["verify.anchor.none", {}],
    ]);
  });
  it("removed newest entries are told by the anchor's line", () => {
    expect(
      verifyLines({
        ok: false,
        entries: 119,
        head,
        brokenAt: { seq: 121, kind: "anchor_ahead" },
        anchor: { seq: 121, status: "ahead-of-chain" },
      }).map((l) => l.key),
    ).toEqual(["verify.broken", "verify.head", "verify.anchor.ahead-of-chain"]);
  });
});
