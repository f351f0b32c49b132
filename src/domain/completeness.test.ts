import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitCompleteness } from "./completeness.js";

describe("unitCompleteness", () => {
  it("expects an indicator from its first period on, and counts submitted periods only", () => {
    const out = unitCompleteness(
      ["2026-08", "2026-09", "2026-10"],
      [
        { indicator: "B", first: "2026-01", reported: new Set(["2026-08", "2026-10"]) },
        { indicator: "A", first: "2026-09", reported: new Set(["2026-09"]) },
        // Only a draft so far in October: expected from October, not yet reported.
        { indicator: "C", first: "2026-10", reported: new Set() },
      ],
    );
    expect(out).toEqual([
      { period: "2026-08", expected: 1, reported: 1, missing: [] },
      { period: "2026-09", expected: 2, reported: 1, missing: ["B"] },
      { period: "2026-10", expected: 3, reported: 1, missing: ["A", "C"] },
    ]);
  });

  it("never reports more than expected, and names exactly the missing ones", () => {
    const period = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ first: period, reported: fc.uniqueArray(period, { maxLength: 12 }) }), {
          maxLength: 8,
        }),
        fc.uniqueArray(period, { minLength: 1, maxLength: 6 }),
        (rows, periods) => {
          const reports = rows.map((r, k) => ({
            indicator: `I${k}`,
            first: r.first,
            reported: new Set(r.reported),
          }));
          for (const p of unitCompleteness(periods, reports)) {
            expect(p.reported).toBeLessThanOrEqual(p.expected);
            expect(p.expected - p.reported).toBe(p.missing.length);
            expect(p.expected).toBe(reports.filter((r) => r.first <= p.period).length);
          }
        },
      ),
    );
  });
});
