/**
 * The tile map's committed layout against the seed: every province-level unit in force today
 * (Resolution 202/2025/QH15: 34 of them) has exactly one tile, no two tiles share a cell, the
 * tiles stay on the grid, and the two archipelagos are drawn with the units they belong to.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  GRID_COLUMNS,
  GRID_ROWS,
  islandMarkers,
  provinceTiles,
} from "../../src/web/components/map/province-tiles.js";

interface SeedUnit {
  code: string;
  kind: string;
  validTo?: string;
  retired?: unknown;
  shortName?: { vi: string; en: string };
  name: { vi: string; en: string };
}

const seed = parse(readFileSync(new URL("../../src/db/seeds/org-units.yaml", import.meta.url), "utf8")) as {
  orgUnits: SeedUnit[];
};
const today = new Date().toISOString().slice(0, 10);
const current = seed.orgUnits.filter(
  (u) => u.kind === "province" && !u.retired && (u.validTo === undefined || u.validTo >= today),
);

describe("province tile map", () => {
  it("the seed has 34 current province-level units", () => {
    expect(current).toHaveLength(34);
  });

  it("has each current province code exactly once and nothing else", () => {
    const codes = provinceTiles.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(current.map((u) => u.code).sort());
  });

  it("gives each tile its own cell on the grid", () => {
    const cells = provinceTiles.map((t) => `${t.col},${t.row}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const t of provinceTiles) {
      expect(Number.isInteger(t.col) && t.col >= 0 && t.col < GRID_COLUMNS).toBe(true);
      expect(Number.isInteger(t.row) && t.row >= 0 && t.row < GRID_ROWS).toBe(true);
    }
  });

  it("labels tiles with the seed's short names", () => {
    const byCode = new Map(current.map((u) => [u.code, u]));
    for (const t of provinceTiles) {
      const u = byCode.get(t.code);
      expect(t.name).toEqual(u?.shortName ?? u?.name);
    }
  });

  it("shows Hoàng Sa with Đà Nẵng and Trường Sa with Khánh Hòa, in free cells", () => {
    const attached = Object.fromEntries(islandMarkers.map((m) => [m.key, m.attachedTo]));
    expect(attached).toEqual({ "hoang-sa": "DA-NANG", "truong-sa": "KHANH-HOA" });
    const taken = new Set(provinceTiles.map((t) => `${t.col},${t.row}`));
    for (const m of islandMarkers) expect(taken.has(`${m.col},${m.row}`)).toBe(false);
  });

  it("puts the north at the top and the south at the bottom", () => {
    const row = (code: string) => provinceTiles.find((t) => t.code === code)?.row ?? -1;
    expect(row("HA-GIANG")).toBe(-1);
    expect(row("CAO-BANG")).toBeLessThan(row("HA-NOI"));
    expect(row("HA-NOI")).toBeLessThan(row("HUE"));
    expect(row("HUE")).toBeLessThan(row("HO-CHI-MINH"));
    expect(row("HO-CHI-MINH")).toBeLessThan(row("CA-MAU"));
  });
});
