/**
 * The Excel template of a unit and period: the plan's indicators reported at that period's
 * frequency whose cells the unit reports, with their names, units and current values — for the unit's own reporters and
 * approvers (the access policy decides).
 */
import type { Executor } from "../../../db/client.js";
import { isMilestoneIndicator } from "../../../domain/indicator-values.js";
import {
  frequencyOfPeriodKind,
  PERIOD_FORMAT,
  type PeriodKind,
  parsePeriod,
} from "../../../domain/periods.js";
import { cellReporter } from "../../../domain/value-rules.js";
import type { Principal } from "../../access/index.js";
import { authorize } from "../../access/index.js";
import { AppError } from "../../core/errors.js";
import { getOrgUnitByCode } from "../../org-units/index.js";
import { currentUnitValues, templateIndicators } from "./queries.js";
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
  let kind: PeriodKind;
  try {
    kind = parsePeriod(q.period).kind;
  } catch {
    throw new AppError("VALIDATION_FAILED", { summary: `period: ${PERIOD_FORMAT.en}` });
  }
  const unit = await getOrgUnitByCode(db, q.unit);
  authorize(principal, "observation.template", { unitId: unit.id });
  const indicators = await templateIndicators(db, q.plan, frequencyOfPeriodKind(kind));
  const current = await currentUnitValues(
    db,
    unit.id,
    q.period,
    indicators.map((r) => r.id),
  );
  // Only the cells the unit itself reports (`cellReporter`): a row another body reports (a
  // national statistic, a ministry's figure) would be refused whole when the file comes back.
  const rows = indicators.filter(
    (r) => cellReporter(r, unit.id, current.find((c) => c.indicatorId === r.id)?.reporterUnitId) === unit.id,
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
        milestone: isMilestoneIndicator(r),
        current: o ? (o.valueBool ?? o.value) : null,
        source: o?.source ?? null,
        comment: o?.comment ?? null,
      };
    }),
  });
  return { workbook, filename: `chi-nam-${unit.code}-${q.period}.xlsx` };
}
