/**
 * Demo only (`npm run demo`): the proposed indicators the demo gives values to are published, so
 * the public overview — which reads published indicators only — shows targets on track, at risk
 * and off track instead of `no_data`. In a normal instance they stay unpublished until the
 * Standing Office adopts them. Each is published through the ordinary definition edit: a new
 * version by `system:demo` whose reason says it is the demo's doing. Idempotent: run at every demo
 * start, since re-seeding a changed plan file puts the bundled `published: false` back.
 */
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { parseFormula, references } from "../../domain/formula/parse.js";
import type { ChangeContext } from "../core/change-context.js";
import { updateIndicator } from "../indicators/index.js";
import { demoIndicatorCodes } from "./trends.js";

const ctx: ChangeContext = {
  actor: "system:demo",
  reason: "Demo: published to illustrate the dashboards (npm run demo only; proposed, not adopted)",
};

function operands(formula: string | null): string[] {
  if (!formula) return [];
  try {
    return references(parseFormula(formula));
  } catch {
    return [];
  }
}

/** Publishes the demo's proposed indicators still unpublished; answers the codes published now. */
export async function publishDemoIndicators(db: Db): Promise<string[]> {
  const proposed = await queryRows<{
    code: string;
    tier: string;
    formula: string | null;
    published: boolean;
  }>(
    db,
    sql`select code, tier, formula, published from indicators
      where proposed and retired_at is null and tier in ('operational', 'kpi') order by code`,
  );
  // The operational indicators with demo values, and the KPIs computed from them.
  const withValues = new Set(
    proposed.filter((i) => i.tier === "operational" && demoIndicatorCodes.has(i.code)).map((i) => i.code),
  );
  const toPublish = proposed.filter(
    (i) =>
      !i.published &&
      (withValues.has(i.code) || (i.tier === "kpi" && operands(i.formula).some((c) => withValues.has(c)))),
  );
  for (const i of toPublish) await updateIndicator(db, i.code, { published: true }, ctx);
  return toPublish.map((i) => i.code);
}
