/**
 * The demo's shares stay shares. For every share the NQ57 plan computes from two indicators the
 * demo fills (upper bound 100: a ratio of sums' numerator and denominator, or a formula
 * `A / B * 100`), the generator's values (pure, no database) must give each unit a numerator no
 * larger than its denominator, from one report: a unit that reports one of the two for a period
 * reports the other, in the same state (submitted or approved). A ×10 outlier on a numerator alone
 * (Cần Thơ's documents in 2026-10: 833.8 %, the country 108.1 %), or a province that reported its
 * denominator but not its numerator for the pending month (the country's share over mismatched
 * sets of provinces), breaks one of these. Checked at several dates, so a trend that crosses its
 * denominator in later years is caught too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { orgUnitFile } from "../../src/domain/org-units/schema.js";
import { parsePeriod } from "../../src/domain/periods.js";
import {
  type DemoIndicator,
  type DemoInput,
  type DemoUnit,
  demoInputs,
} from "../../src/server/demo/generate.js";
import { loadNq57Definition, seedsDir } from "../../src/server/seed/seed.js";

const { def } = loadNq57Definition();
const byCode = new Map(def.indicators.map((i) => [i.code, i]));

/** What `ensureDemoValues` reads from the database, taken from the seed files instead. */
const indicators: DemoIndicator[] = def.indicators
  .filter((i) => i.tier === "operational" && i.proposed)
  .map((i) => ({ code: i.code, frequency: i.frequency, responsible: i.responsibleUnit ?? null }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
const { orgUnits } = orgUnitFile.parse(parse(readFileSync(path.join(seedsDir, "org-units.yaml"), "utf8")));
const unitOf = (u: (typeof orgUnits)[number]): DemoUnit => ({
  code: u.code,
  validFrom: u.validFrom ?? null,
  validTo: u.validTo ?? null,
});
const provinces = orgUnits
  .filter((u) => u.kind === "province" && !u.validTo)
  .map(unitOf)
  .sort((a, b) => (a.code < b.code ? -1 : 1));
const predecessors = new Map<string, DemoUnit[]>();
for (const u of orgUnits)
  for (const l of u.lineage ?? [])
    if (l.kind === "merged_into" && u.kind === "province")
      predecessors.set(l.unit, [...(predecessors.get(l.unit) ?? []), unitOf(u)]);

/** The plan's shares: numerator and denominator of each indicator bounded above by 100. */
const shares = def.indicators.flatMap((i) => {
  if (i.bounds?.max !== 100) return [];
  const c = i.aggregationComponents;
  if (c?.numerator && c.denominator) return [{ code: i.code, num: c.numerator, den: c.denominator }];
  const m = /^\s*\[?([\w-]+)\]?\s*\/\s*\[?([\w-]+)\]?\s*\*\s*100\s*$/.exec(i.formula ?? "");
  return m ? [{ code: i.code, num: m[1] as string, den: m[2] as string }] : [];
});

const key = (i: Pick<DemoInput, "indicator" | "unit" | "period">) => `${i.indicator}|${i.unit}|${i.period}`;

/** Every way the demo's values written at `now` break a share, as readable lines. */
function violations(now: Date): string[] {
  const inputs = demoInputs(indicators, provinces, predecessors, now);
  const at = new Map(inputs.map((i) => [key(i), i]));
  const out: string[] = [];
  for (const i of inputs)
    if (typeof i.value === "number" && i.value < 0) out.push(`${key(i)}: negative ${i.value}`);
  for (const s of shares) {
    const nums = inputs.filter((i) => i.indicator === s.num);
    const dens = inputs.filter((i) => i.indicator === s.den);
    if (nums.length === 0 || dens.length === 0) continue;
    const sameFrequency = byCode.get(s.num)?.frequency === byCode.get(s.den)?.frequency;
    // A yearly denominator (the population, the year's allocation) divides the numerator of that
    // year: its latest value (a stock, every value of the year must fit) or the year's sum (a flow).
    const flow = byCode.get(s.num)?.aggregation === "sum";
    const yearSums = new Map<string, number>();
    if (!sameFrequency && flow)
      for (const n of nums) {
        const k = `${n.unit}|${parsePeriod(n.period).year}`;
        yearSums.set(k, (yearSums.get(k) ?? 0) + (n.value as number));
      }
    for (const n of nums) {
      const year = parsePeriod(n.period).year;
      const d = at.get(
        key({ indicator: s.den, unit: n.unit, period: sameFrequency ? n.period : String(year) }),
      );
      if (!d) {
        if (sameFrequency) out.push(`${s.code} ${n.unit} ${n.period}: ${s.num} without ${s.den}`);
        continue;
      }
      const part =
        !sameFrequency && flow ? (yearSums.get(`${n.unit}|${year}`) as number) : (n.value as number);
      if (part > (d.value as number))
        out.push(`${s.code} ${n.unit} ${n.period}: ${s.num} ${part} > ${s.den} ${d.value}`);
      if (sameFrequency && n.pending !== d.pending)
        out.push(`${s.code} ${n.unit} ${n.period}: ${s.num} and ${s.den} in different states`);
    }
    if (sameFrequency)
      for (const d of dens)
        if (!at.has(key({ indicator: s.num, unit: d.unit, period: d.period })))
          out.push(`${s.code} ${d.unit} ${d.period}: ${s.den} without ${s.num}`);
  }
  return out;
}

describe("demo values keep shares within 0–100 %", () => {
  it("finds the plan's shares the demo fills, reported by provinces and by the country", () => {
    const inputs = demoInputs(indicators, provinces, predecessors, new Date("2026-11-25T03:00:00Z"));
    const filled = new Set(inputs.map((i) => i.indicator));
    const checked = shares.filter((s) => filled.has(s.num) && filled.has(s.den));
    expect(checked.map((s) => s.code)).toEqual(
      expect.arrayContaining(["K_EDOC_EXCHANGE_RATE", "OI_EDOC_EXCHANGE_RATE", "K_NATIONAL_DB_COMPLETION"]),
    );
    expect(inputs.some((i) => i.indicator === "OI_EDOCS_EXCHANGED" && i.unit === "CAN-THO")).toBe(true);
  });

  for (const date of ["2026-11-25T03:00:00Z", "2026-12-07T12:00:00Z", "2031-01-10T03:00:00Z"])
    it(`numerator ≤ denominator, from one report, for every unit and period (demo run on ${date.slice(0, 10)})`, () => {
      expect(violations(new Date(date))).toEqual([]);
    });
});
