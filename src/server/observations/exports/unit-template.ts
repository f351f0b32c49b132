/**
 * The Excel template of a unit and period: the plan's indicators reported at that period's
 * frequency, with their names, units and current values — for the unit's own reporters and
 * approvers (the access policy decides).
 */
import type { Executor } from "../../../db/client.js";
import { frequencyKind } from "../../../domain/indicator-values.js";
import { parsePeriod } from "../../../domain/periods.js";
import type { Principal } from "../../access/index.js";
import { canFillUnitTemplate } from "../../access/index.js";
import { AppError, notFound } from "../../core/errors.js";
import { currentUnitValues, templateIndicators, unitByCode } from "./queries.js";
import { buildTemplate } from "./template.js";

export interface TemplateQuery {
  plan: string;
  unit: string;
  period: string;
}

export async function unitTemplate(
  db: Executor,
  principal: Principal,
  q: TemplateQuery,
): Promise<{ workbook: Buffer; filename: string }> {
  let kind: string;
  try {
    kind = parsePeriod(q.period).kind;
  } catch {
    throw new AppError("VALIDATION_FAILED", { summary: "period: 2026, 2026-H1, 2026-Q1 or 2026-03" });
  }
  const unit = await unitByCode(db, q.unit);
  if (!unit) throw notFound("org_unit", q.unit);
  if (!canFillUnitTemplate(principal, unit.id)) throw new AppError("FORBIDDEN");
  const frequency = Object.entries(frequencyKind).find(([, k]) => k === kind)?.[0];
  const rows = await templateIndicators(db, q.plan, frequency ?? "");
  const current = await currentUnitValues(
    db,
    unit.id,
    q.period,
    rows.map((r) => r.id),
  );
  const workbook = await buildTemplate({
    unit: unit.code,
    unitName: unit.nameVi,
    period: q.period,
    rows: rows.map((r) => {
      const o = current.find((c) => c.indicatorId === r.id);
      return {
        indicator: r.code,
        name: r.nameVi,
        unit: r.unit,
        milestone: r.direction === "milestone" || r.kind === "milestone",
        current: o ? (o.valueBool ?? o.value) : null,
      };
    }),
  });
  return { workbook, filename: `chi-nam-${unit.code}-${q.period}.xlsx` };
}
