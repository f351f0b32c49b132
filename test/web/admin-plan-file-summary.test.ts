/** What a plan file's dry run would do, as a headline and the counts worth a line. */
import { describe, expect, it } from "vitest";
import { countLines, headline } from "../../src/web/pages/admin-plan-file/summary-lines.js";

const counts = {
  phases: 3,
  systems: 7,
  initiatives: 0,
  projects: 0,
  tasks: 0,
  roles: 2,
  indicatorsCreated: 0,
  indicatorsUpdated: 1,
  indicatorsUnchanged: 120,
  targetsCreated: 0,
  targetsUpdated: 4,
  linkedIndicators: 0,
};

describe("plan file summary", () => {
  it("says whether the plan is created, updated or unchanged", () => {
    expect(headline({ plan: "X", created: true, unchanged: false, counts })).toBe("created");
    expect(headline({ plan: "X", created: false, unchanged: false, counts })).toBe("updated");
    expect(headline({ plan: "X", created: false, unchanged: true, counts })).toBe("unchanged");
  });

  it("lists the non-zero counts in a fixed order, whatever the order of the answer", () => {
    const reversed = Object.fromEntries(Object.entries(counts).reverse());
    expect(countLines({ plan: "X", created: false, unchanged: false, counts: reversed })).toEqual([
      { key: "phases", known: true, count: 3 },
      { key: "systems", known: true, count: 7 },
      { key: "roles", known: true, count: 2 },
      { key: "indicatorsUpdated", known: true, count: 1 },
      { key: "indicatorsUnchanged", known: true, count: 120 },
      { key: "targetsUpdated", known: true, count: 4 },
    ]);
  });

  it("keeps a count the page does not know yet, by its key, at the end", () => {
    expect(
      countLines({
        plan: "X",
        created: false,
        unchanged: false,
        counts: { systems: 1, systemsRetired: 2, later: 0 },
      }),
    ).toEqual([
      { key: "systems", known: true, count: 1 },
      { key: "systemsRetired", known: false, count: 2 },
    ]);
  });
});
