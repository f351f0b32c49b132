/**
 * A plan of many monthly indicators that every unit reports for itself, and the values of a unit
 * for the current month and the twelve before — the entry sheet at the size issue 14 names
 * (200 indicators × 12 periods). Shared by test/api/unit-entry-scale.test.ts and
 * bench/entry-sheet.ts. The plan and indicators are inserted directly (a fixture, not the plan
 * import under test); the values go through the bulk write like anyone's.
 */
import type { Db } from "../../src/db/client.js";
import { indicators, planIndicators, plans } from "../../src/db/schema/index.js";
import { formatPeriod, type Period, previous } from "../../src/domain/periods.js";
import { currentPeriod } from "../../src/domain/value-rules.js";

export interface EntryPlan {
  plan: string;
  indicators: string[];
}

/** A plan `code` with `n` monthly indicators (`<prefix>001`…), each reported by every unit for itself. */
export async function createEntryPlan(
  db: Db,
  code: string,
  n: number,
  prefix = `${code}_I`,
): Promise<EntryPlan> {
  const [plan] = await db
    .insert(plans)
    .values({ code, nameVi: `Kế hoạch thử ${code}`, startYear: 2020, endYear: 2030, baselineYear: 2020 })
    .returning({ id: plans.id });
  if (!plan) throw new Error("no plan");
  const codes = Array.from({ length: n }, (_, k) => `${prefix}${String(k + 1).padStart(3, "0")}`);
  const rows = await db
    .insert(indicators)
    .values(
      codes.map((c, k) => ({
        code: c,
        tier: "operational",
        nameVi: `Chỉ tiêu thử số ${k + 1}`,
        nameEn: `Test indicator ${k + 1}`,
        unit: "hồ sơ",
        direction: "higher_better",
        kind: "value",
        frequency: "monthly",
        aggregation: "sum",
        reportedBy: "unit",
        boundMin: 0,
        published: true,
      })),
    )
    .returning({ id: indicators.id });
  await db
    .insert(planIndicators)
    .values(rows.map((r) => ({ planId: plan.id, indicatorId: r.id, owner: true })));
  return { plan: code, indicators: codes };
}

/** The current month (in Viet Nam) and the `back` months before it, oldest first. */
export function entryMonths(back = 12, now = new Date()): string[] {
  const out: Period[] = [currentPeriod("month", now)];
  for (let k = 0; k < back; k++) out.unshift(previous(out[0] as Period));
  return out.map(formatPeriod);
}

/** One value of `unit` for every indicator and month (a different figure each), as bulk items. */
export function entryItems(
  codes: readonly string[],
  unit: string,
  months: readonly string[],
): { indicator: string; unit: string; period: string; value: number }[] {
  return codes.flatMap((indicator, i) =>
    months.map((period, m) => ({ indicator, unit, period, value: 1000 + i * 20 + m })),
  );
}
