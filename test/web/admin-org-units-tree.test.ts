/**
 * The org-unit tree's pure parts: accent-insensitive search, the tree with top-level units grouped
 * by kind, what a filter keeps (matches and the way to them), the rows shown, and the keys.
 */
import { describe, expect, it } from "vitest";
import {
  ancestors,
  buildTree,
  fold,
  keyAction,
  matchesFilter,
  matchesQuery,
  narrows,
  shownNodes,
  type TreeUnit,
  visibleRows,
} from "../../src/web/pages/admin-org-units/tree-model.js";

const u = (code: string, vi: string, o: Partial<TreeUnit> = {}): TreeUnit => ({
  code,
  kind: "agency",
  parent: null,
  name: { vi, en: null },
  current: true,
  validFrom: null,
  validTo: null,
  ...o,
});

const units: TreeUnit[] = [
  u("HA-NOI", "Thành phố Hà Nội", { kind: "province", name: { vi: "Thành phố Hà Nội", en: "Ha Noi City" } }),
  u("DA-NANG", "Thành phố Đà Nẵng", { kind: "province" }),
  u("OLD-HA-GIANG", "Tỉnh Hà Giang", { kind: "province", current: false, validTo: "2025-06-30" }),
  u("CP", "Chính phủ", { kind: "central_body" }),
  u("BKHCN", "Bộ Khoa học và Công nghệ", { kind: "ministry", parent: "CP" }),
  u("CUC-DMST", "Cục Đổi mới sáng tạo", { parent: "BKHCN" }),
  u("BTC", "Bộ Tài chính", { kind: "ministry", parent: "CP" }),
  u("VN", "Việt Nam", { kind: "country" }),
];
const tree = buildTree(units, "vi");
const all = () => true;
const none = () => false;

describe("fold and matching", () => {
  it("drops accents, đ and case, and collapses spaces", () => {
    expect(fold("  Thành phố  Hà Nội ")).toBe("thanh pho ha noi");
    expect(fold("Đà Nẵng")).toBe("da nang");
    expect(fold("ĐỔI MỚI")).toBe("doi moi");
  });
  it("finds a unit by unaccented words of its name in any order, by code, or by English name", () => {
    const hn = units[0] as TreeUnit;
    expect(matchesQuery(hn, "ha noi")).toBe(true);
    expect(matchesQuery(hn, "noi thanh")).toBe(true);
    expect(matchesQuery(hn, "ha-noi")).toBe(true);
    expect(matchesQuery(hn, "city")).toBe(true);
    expect(matchesQuery(hn, "ha nam")).toBe(false);
    expect(matchesQuery(hn, "   ")).toBe(true);
    expect(matchesQuery(units[1] as TreeUnit, "da nang")).toBe(true);
  });
  it("hides retired units unless asked, and filters by kind", () => {
    const old = units[2] as TreeUnit;
    expect(matchesFilter(old, {})).toBe(false);
    expect(matchesFilter(old, { retired: true })).toBe(true);
    expect(matchesFilter(old, { retired: true, kind: "ministry" })).toBe(false);
    expect(matchesFilter(units[4] as TreeUnit, { kind: "ministry", q: "khoa hoc" })).toBe(true);
  });
  it("says when a filter narrows the tree (retired alone does not)", () => {
    expect(narrows({})).toBe(false);
    expect(narrows({ retired: true })).toBe(false);
    expect(narrows({ q: "  " })).toBe(false);
    expect(narrows({ q: "ha" })).toBe(true);
    expect(narrows({ kind: "province" })).toBe(true);
  });
});

describe("buildTree", () => {
  it("groups the units without a parent by kind, in the kinds' order, and nests the others", () => {
    expect(tree.children.get("")).toEqual(["kind:country", "kind:central_body", "kind:province"]);
    expect(tree.children.get("kind:province")).toEqual(["DA-NANG", "HA-NOI", "OLD-HA-GIANG"]);
    expect(tree.children.get("CP")).toEqual(["BKHCN", "BTC"]);
    expect(tree.children.get("BKHCN")).toEqual(["CUC-DMST"]);
  });
  it("lists current units before retired ones, then by name in the page's language", () => {
    const en = buildTree(
      [u("B", "Ạ", { name: { vi: "Ạ", en: "Zed" } }), u("A", "Zê"), u("C", "Ă", { current: false })],
      "en",
    );
    expect(en.children.get("kind:agency")).toEqual(["A", "B", "C"]);
  });
  it("puts a unit whose parent is unknown or itself at the top of its kind", () => {
    const t = buildTree([u("X", "X", { parent: "GONE" }), u("Y", "Y", { parent: "Y" })], "vi");
    expect(t.children.get("kind:agency")).toEqual(["X", "Y"]);
  });
  it("knows each node's ancestors, nearest first", () => {
    expect(ancestors(tree, "CUC-DMST")).toEqual(["BKHCN", "CP", "kind:central_body"]);
    expect(ancestors(tree, "kind:province")).toEqual([]);
  });
});

describe("shownNodes and visibleRows", () => {
  it("without a filter: the current units, collapsed to the groups", () => {
    const shown = shownNodes(tree, {});
    expect(shown.nodes.has("OLD-HA-GIANG")).toBe(false);
    expect(visibleRows(tree, shown, none).map((r) => r.id)).toEqual([
      "kind:country",
      "kind:central_body",
      "kind:province",
    ]);
  });
  it("a search keeps the matches with their ancestors, marked apart", () => {
    const shown = shownNodes(tree, { q: "doi moi" });
    expect([...shown.matched]).toEqual(["CUC-DMST"]);
    const rows = visibleRows(tree, shown, all);
    expect(rows.map((r) => [r.id, r.level, r.pos, r.size, r.hasChildren])).toEqual([
      ["kind:central_body", 1, 1, 1, true],
      ["CP", 2, 1, 1, true],
      ["BKHCN", 3, 1, 1, true],
      ["CUC-DMST", 4, 1, 1, false],
    ]);
  });
  it("counts only shown siblings and opens only what is open", () => {
    const shown = shownNodes(tree, { retired: true });
    const rows = visibleRows(tree, shown, (id) => id === "kind:province");
    expect(rows.filter((r) => r.level === 2).map((r) => [r.id, r.pos, r.size])).toEqual([
      ["DA-NANG", 1, 3],
      ["HA-NOI", 2, 3],
      ["OLD-HA-GIANG", 3, 3],
    ]);
    expect(rows.find((r) => r.id === "kind:central_body")).toMatchObject({
      expanded: false,
      hasChildren: true,
    });
  });
  it("shows nothing when nothing matches", () => {
    expect(visibleRows(tree, shownNodes(tree, { q: "zzz" }), all)).toEqual([]);
  });
});

describe("keyAction", () => {
  const shown = shownNodes(tree, {});
  const open = new Set(["kind:central_body", "CP"]);
  const rows = visibleRows(tree, shown, (id) => open.has(id));
  // kind:country, kind:central_body, CP, BKHCN, BTC, kind:province
  it("moves down and up, and stops at the ends", () => {
    expect(keyAction(rows, tree, "CP", "ArrowDown")).toEqual({ focus: "BKHCN" });
    expect(keyAction(rows, tree, "CP", "ArrowUp")).toEqual({ focus: "kind:central_body" });
    expect(keyAction(rows, tree, "kind:country", "ArrowUp")).toBeNull();
    expect(keyAction(rows, tree, "kind:province", "ArrowDown")).toBeNull();
    expect(keyAction(rows, tree, "BTC", "Home")).toEqual({ focus: "kind:country" });
    expect(keyAction(rows, tree, "BTC", "End")).toEqual({ focus: "kind:province" });
  });
  it("right opens a closed branch, then goes to its first child; on a leaf does nothing", () => {
    expect(keyAction(rows, tree, "BKHCN", "ArrowRight")).toEqual({ open: "BKHCN" });
    expect(keyAction(rows, tree, "CP", "ArrowRight")).toEqual({ focus: "BKHCN" });
    expect(keyAction(rows, tree, "BTC", "ArrowRight")).toBeNull();
  });
  it("left closes an open branch, else goes to the parent; at the top does nothing", () => {
    expect(keyAction(rows, tree, "CP", "ArrowLeft")).toEqual({ close: "CP" });
    expect(keyAction(rows, tree, "BTC", "ArrowLeft")).toEqual({ focus: "CP" });
    expect(keyAction(rows, tree, "kind:country", "ArrowLeft")).toBeNull();
  });
  it("focuses the first row when the current one is gone, and nothing in an empty tree", () => {
    expect(keyAction(rows, tree, "GONE", "ArrowDown")).toEqual({ focus: "kind:country" });
    expect(keyAction([], tree, "CP", "ArrowDown")).toBeNull();
  });
});
