import { describe, expect, it } from "vitest";
import { fold as serverFold } from "../../src/server/users/fold.js";
import type { Grant, Grantable, GrantScope } from "../../src/web/api/admin-users-types.js";
import { ApiError } from "../../src/web/api/api-error.js";
import {
  fold,
  grantRequest,
  listSearch,
  pickersFor,
  ROLES,
  refusalText,
  scopeParts,
  splitGrantable,
  userSearch,
} from "../../src/web/pages/admin-users/users-model.js";

const named = (code: string, vi: string, en: string | null = null) => ({ code, name: { vi, en } });
const grant = (over: Partial<Grant>): Grant => ({
  id: "g1",
  role: "unit_reporter",
  plan: null,
  system: null,
  project: null,
  unit: null,
  ...over,
});
const offer = (over: Partial<Grantable>): Grantable => ({
  role: "steering_member",
  scope: "plan",
  allowed: true,
  plans: [named("NQ57", "Kế hoạch 01")],
  reason: null,
  ...over,
});

describe("the URL's readers", () => {
  it("keeps trimmed words, a known status and a known role; drops the rest", () => {
    expect(listSearch({ q: "  ha noi ", status: "disabled", role: "unit_reporter" })).toEqual({
      q: "ha noi",
      status: "disabled",
      role: "unit_reporter",
    });
    expect(listSearch({ q: "   ", status: "deleted", role: "king" })).toEqual({
      q: undefined,
      status: undefined,
      role: undefined,
    });
    expect(listSearch({ q: 42 }).q).toBeUndefined();
    expect(listSearch({ q: "x".repeat(150) }).q).toHaveLength(100);
  });
  it("reads the account's tab", () => {
    for (const tab of ["profile", "roles", "sessions"]) expect(userSearch({ tab }).tab).toBe(tab);
    expect(userSearch({ tab: "secrets" }).tab).toBeUndefined();
  });
  it("lists every role once", () => {
    expect(ROLES).toHaveLength(10);
    expect(new Set(ROLES).size).toBe(10);
    expect(ROLES[0]).toBe("system_admin");
  });
});

describe("folding for accent-insensitive search", () => {
  it("drops tone marks and the breve, circumflex and horn; đ is d; case ignored", () => {
    expect(fold("Hà Nội")).toBe("ha noi");
    expect(fold("ĐẶNG Thị Ánh")).toBe("dang thi anh");
    expect(fold("Trường Sơn Ưu Ơn Ỹ")).toBe("truong son uu on y");
    expect(fold("demo-reporter_1")).toBe("demo-reporter_1");
  });
  it("folds as the API's search does", () => {
    for (const s of ["Hà Nội", "Đặng Thị Ánh", "Thừa Thiên Huế", "Bắc Kạn", "ƯỚC", "ệ"])
      expect(fold(s)).toBe(serverFold(s));
  });
});

describe("a grant's scope in words", () => {
  it("names a unit grant's unit, marking nothing else", () => {
    const g = grant({ unit: "HA-NOI" });
    const s: GrantScope = {
      grant: "g1",
      plan: null,
      system: null,
      project: null,
      unit: named("HA-NOI", "Thành phố Hà Nội", "Hanoi"),
      grantedAt: "2026-12-07T00:00:00Z",
    };
    expect(scopeParts(g, s)).toEqual([
      { kind: "unit", code: "HA-NOI", name: { vi: "Thành phố Hà Nội", en: "Hanoi" } },
    ]);
  });
  it("names a system with its plan after it", () => {
    const g = grant({ role: "chief_engineer", plan: "NQ57", system: "S1" });
    const s: GrantScope = {
      grant: "g1",
      plan: named("NQ57", "Kế hoạch 01"),
      system: named("S1", "Hạ tầng số"),
      project: null,
      unit: null,
      grantedAt: "2026-12-07T00:00:00Z",
    };
    expect(scopeParts(g, s).map((p) => [p.kind, p.code, p.name?.vi])).toEqual([
      ["system", "S1", "Hạ tầng số"],
      ["plan", "NQ57", "Kế hoạch 01"],
    ]);
  });
  it("falls back to codes when names are missing, and to nothing for a global role", () => {
    expect(scopeParts(grant({ role: "chief_architect", plan: "NQ57", project: "DA-1" }), undefined)).toEqual([
      { kind: "project", code: "DA-1", name: null },
      { kind: "plan", code: "NQ57", name: null },
    ]);
    expect(scopeParts(grant({ role: "system_admin" }), undefined)).toEqual([]);
  });
});

describe("roles offered and refused", () => {
  it("splits by the API's answer, in role order", () => {
    const { offered, refused } = splitGrantable([
      offer({ role: "proposer", scope: "unit", allowed: false, plans: [], reason: "unit_role_admin_only" }),
      offer({ role: "advisory_council" }),
      offer({ role: "system_admin", scope: "global", allowed: false, plans: [], reason: "admin_only_role" }),
      offer({ role: "steering_member" }),
    ]);
    expect(offered.map((g) => g.role)).toEqual(["steering_member", "advisory_council"]);
    expect(refused.map((g) => [g.role, g.reason])).toEqual([
      ["system_admin", "admin_only_role"],
      ["proposer", "unit_role_admin_only"],
    ]);
  });
  it("names the pickers each scope needs", () => {
    expect(pickersFor("global")).toEqual([]);
    expect(pickersFor("plan")).toEqual(["plan"]);
    expect(pickersFor("system")).toEqual(["plan", "system"]);
    expect(pickersFor("project")).toEqual(["plan", "project"]);
    expect(pickersFor("unit")).toEqual(["unit"]);
  });
});

describe("the grant request from the pickers", () => {
  it("builds the body with only the picks the scope uses", () => {
    expect(grantRequest(offer({ scope: "plan" }), { plan: "NQ57", unit: "HA-NOI" })).toEqual({
      body: { role: "steering_member", plan: "NQ57" },
    });
    expect(
      grantRequest(offer({ role: "chief_engineer", scope: "system" }), { plan: "NQ57", system: " S1 " }),
    ).toEqual({ body: { role: "chief_engineer", plan: "NQ57", system: "S1" } });
    expect(
      grantRequest(offer({ role: "unit_reporter", scope: "unit", plans: [] }), { unit: "HA-NOI" }),
    ).toEqual({
      body: { role: "unit_reporter", unit: "HA-NOI" },
    });
    expect(
      grantRequest(offer({ role: "system_admin", scope: "global", plans: [] }), { plan: "NQ57" }),
    ).toEqual({
      body: { role: "system_admin" },
    });
  });
  it("names the first picker still empty", () => {
    expect(grantRequest(offer({ role: "chief_engineer", scope: "system" }), { plan: "NQ57" })).toEqual({
      missing: "system",
    });
    expect(grantRequest(offer({ role: "chief_engineer", scope: "system" }), {})).toEqual({ missing: "plan" });
    expect(grantRequest(offer({ role: "unit_reporter", scope: "unit", plans: [] }), { unit: " " })).toEqual({
      missing: "unit",
    });
  });
  it("refuses a plan the API did not offer for the role", () => {
    expect(grantRequest(offer({}), { plan: "OTHER" })).toEqual({ missing: "plan" });
  });
});

describe("a refused request's text", () => {
  it("is the server's message with its detail's reason", () => {
    const e = new ApiError(403, "FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.", [
      {
        path: "body.role",
        message: "Chỉ quản trị hệ thống mới cấp vai trò của đơn vị.",
        value: "unit_role_admin_only",
      },
    ]);
    expect(refusalText(e)).toBe(
      "Bạn không có quyền thực hiện thao tác này. Chỉ quản trị hệ thống mới cấp vai trò của đơn vị.",
    );
  });
  it("is the message alone without a detail, and nothing for another error", () => {
    expect(refusalText(new ApiError(409, "DUPLICATE_CODE", "Tên đã có.", []))).toBe("Tên đã có.");
    expect(refusalText(new ApiError(409, "X", "M.", [null, 3, { path: "x" }]))).toBe("M.");
    expect(refusalText(new Error("boom"))).toBeNull();
    expect(refusalText(null)).toBeNull();
  });
});
