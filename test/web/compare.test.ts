/**
 * compareCodes (src/web/lib/compare.ts) orders codes and section references as the collator it
 * replaces did (`localeCompare(…, "en", { numeric: true })`): checked on every code of the NQ57
 * catalogue and on the plan's section references, pair by pair.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareCodes } from "../../src/web/lib/compare.js";

const catalogue = parse(readFileSync("src/db/seeds/plans/nq57-indicators.yaml", "utf8")) as {
  indicators: { code: string; sourceRef?: string }[];
};
const codes = catalogue.indicators.map((i) => i.code);
const refs = [
  ...new Set(catalogue.indicators.flatMap((i) => (i.sourceRef ? [i.sourceRef] : []))),
  "I.10",
  "II.1",
  "II.10",
  "II.2",
  "III.1.a",
  "I.2.A",
];
const collator = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
const sign = (n: number) => Math.sign(n);

describe("compareCodes", () => {
  it("orders every pair of the catalogue's codes as the collator does", () => {
    expect(codes.length).toBeGreaterThan(100);
    const differ: string[] = [];
    for (const a of codes)
      for (const b of codes) if (sign(compareCodes(a, b)) !== sign(collator(a, b))) differ.push(`${a} ${b}`);
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it("orders the plan's section references as the collator does", () => {
    const differ: string[] = [];
    for (const a of refs)
      for (const b of refs)
        if (a !== b && sign(compareCodes(a, b)) !== sign(collator(a, b))) differ.push(`${a} ${b}`);
    expect(differ).toEqual([]);
    expect(["II.10", "I.3", "I.2.e", "II.2", "I.2.a"].sort(compareCodes)).toEqual([
      "I.2.a",
      "I.2.e",
      "I.3",
      "II.2",
      "II.10",
    ]);
  });

  it("compares runs of digits as numbers, punctuation before digits before letters", () => {
    expect(compareCodes("S2", "S10")).toBeLessThan(0);
    expect(compareCodes("S010", "S9")).toBeGreaterThan(0);
    expect(compareCodes("K_CASH", "KPI")).toBeLessThan(0);
    expect(compareCodes("A-1", "A1")).toBeLessThan(0);
    expect(compareCodes("abc", "ABD")).toBeLessThan(0);
    expect(compareCodes("AB", "ABC")).toBeLessThan(0);
    expect(compareCodes("X", "X")).toBe(0);
  });
});
