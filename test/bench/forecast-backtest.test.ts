/**
 * The forecast back-test's fixtures are real and cited, and the default method still clears the
 * bar issue 12 set on them (relative MAE <= 0.9, verdicts better than both baselines, no bound
 * crossed). Deterministic: no timing, no randomness.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { boundsOf, casesOf, type Fixture, loadFixtures } from "../../bench/forecast/cases.js";
import { baselineVerdicts, scaledErrors, score } from "../../bench/forecast/run.js";
import { DEFAULT_METHOD } from "../../src/domain/assessment/forecast.js";

const dir = path.join(import.meta.dirname, "../../bench/forecast");
const main = loadFixtures(path.join(dir, "fixtures"));
const sea = loadFixtures(path.join(dir, "fixtures-sea"));

type Cited = Fixture & {
  country: string;
  source: Record<string, string | undefined>;
  targets?: (NonNullable<Fixture["targets"]>[number] & { source?: Record<string, string> })[];
};

describe("back-test fixtures", () => {
  it("hold at least 20 series and 60 cases, outside Southeast Asia, apart from the check set", () => {
    expect(main.length).toBeGreaterThanOrEqual(20);
    expect(main.flatMap(casesOf).length).toBeGreaterThanOrEqual(60);
    const seaCountries = new Set([
      "VNM",
      "THA",
      "IDN",
      "MYS",
      "PHL",
      "SGP",
      "KHM",
      "LAO",
      "MMR",
      "BRN",
      "TLS",
    ]);
    for (const f of main as Cited[]) expect(seaCountries.has(f.country), f.id).toBe(false);
    for (const f of sea as Cited[]) expect(seaCountries.has(f.country), f.id).toBe(true);
    const ids = [...main, ...sea].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cite publication, edition, table and the repository, path and commit of every series and target", () => {
    for (const f of [...main, ...sea] as Cited[]) {
      for (const k of ["publication", "edition", "table", "repository", "path"])
        expect(f.source[k], `${f.id}: source.${k}`).toBeTruthy();
      expect(f.source.commit, `${f.id}: source.commit`).toMatch(/^[0-9a-f]{40}$/);
      for (const t of f.targets ?? []) {
        expect(t.source?.publication, `${f.id}: target ${t.year}`).toBeTruthy();
        expect(t.source?.url ?? t.source?.table, `${f.id}: target ${t.year}`).toBeTruthy();
      }
    }
  });

  it("have strictly increasing years and finite values inside their bounds", () => {
    for (const f of [...main, ...sea]) {
      const b = boundsOf(f);
      f.values.forEach((v, i) => {
        expect(Number.isInteger(v.year), f.id).toBe(true);
        if (i > 0) expect(v.year, f.id).toBeGreaterThan((f.values[i - 1] as { year: number }).year);
        expect(Number.isFinite(v.value), f.id).toBe(true);
        if (b.min !== null) expect(v.value, `${f.id} ${v.year}`).toBeGreaterThanOrEqual(b.min);
        if (b.max !== null) expect(v.value, `${f.id} ${v.year}`).toBeLessThanOrEqual(b.max);
      });
    }
  });
});

describe("the default forecast on the back-test", () => {
  it("beats the naive forecast by 10 % or more, both verdict baselines, and crosses no bound", () => {
    const cases = main.flatMap(casesOf);
    const s = score(cases, DEFAULT_METHOD, "default", scaledErrors(cases, DEFAULT_METHOD, "default"));
    const base = baselineVerdicts(cases);
    expect(s.relMae).toBeLessThanOrEqual(0.9);
    expect(s.verdict).toBeGreaterThan(base.naive);
    expect(s.verdict).toBeGreaterThan(base.statcan);
    expect(s.violations).toBe(0);
    // Bands honest to within 5 points of their nominal coverage.
    expect(Math.abs(s.cover80 - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(s.cover95 - 0.95)).toBeLessThan(0.05);
  });
});
