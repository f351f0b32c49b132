/**
 * The entry sheet in the API's shape, with the caller's `can` flags per cell and why a cell is
 * locked. Pure mapping of what read.ts loaded; the flags are the access module's own (`valueCan`
 * on a value, `allows(observation.write)` on an empty cell) and the locks the write path's own
 * rules and words (value-errors.ts) — nothing here decides anything of its own.
 */
import type { ValueCan } from "../../../contracts/can.js";
import { loc, optLoc } from "../../../contracts/common.js";
import { isMilestoneIndicator } from "../../../domain/indicator-values.js";
import { formatPeriod } from "../../../domain/periods.js";
import { lockedForUnit } from "../../../domain/value-rules.js";
import { allows, type Principal, valueCan } from "../../access/index.js";
import { lockExplanation, reportedByMessage } from "../values/commands/value-errors.js";
import type { ObservationRow, UnitRow } from "../values/model.js";
import { cellContext, valueContext } from "../values/value-context.js";
import type { Sheet, SheetCell, SheetIndicator } from "./read.js";
import type { EntryCell, EntryIndicator, EntrySheet } from "./schema.js";

const figure = (r: Pick<ObservationRow, "value" | "valueBool">) => r.valueBool ?? (r.value as number);
const status = (s: string) => s as "draft" | "submitted" | "approved";

function presentCell(p: Principal, sheet: Sheet, si: SheetIndicator, c: SheetCell): EntryCell {
  const code = (id: string) => sheet.units.get(id)?.code ?? id;
  const r = c.current;
  const cell = cellContext({ orgUnitId: c.orgUnitId, reporterUnitId: c.reporterUnitId }, si.facts);
  // A value's flags for its current version; an empty cell can only be written.
  const base: ValueCan = r
    ? valueCan(p, valueContext(r, si.facts))
    : {
        write: allows(p, "observation.write", cell),
        submit: false,
        recall: false,
        approve: false,
        return: false,
        revise: false,
        delete: false,
      };
  // The period checks refuse any value in a closed period, whoever writes it.
  const can = c.closed ? { ...base, write: false } : base;
  return {
    unit: code(c.orgUnitId),
    reporterUnit: code(c.reporterUnitId),
    disaggregation: c.disaggregation,
    value: r
      ? {
          id: r.id,
          value: figure(r),
          status: status(r.status),
          version: r.version,
          source: r.source,
          comment: r.comment,
          evidenceUrl: r.evidenceUrl,
          reporterUnit: code(r.reporterUnitId),
          updatedBy: r.updatedBy,
          updatedAt: r.updatedAt.toISOString(),
        }
      : null,
    returned: c.returned
      ? { reason: c.returned.reason, by: c.returned.by, at: c.returned.at.toISOString() }
      : null,
    lock: lockOf(c, sheet.unit, sheet.units.get(c.reporterUnitId)),
    can,
    history: c.history.map((h) => (h ? { value: figure(h), status: status(h.status) } : null)),
  };
}

/** Why nobody at the sheet's unit may type in the cell: the value's state, another reporter, a closed period. */
function lockOf(c: SheetCell, unit: UnitRow, reporter: UnitRow | undefined): EntryCell["lock"] {
  if (c.current && lockedForUnit(c.current.status)) {
    const why = lockExplanation(c.current.status);
    return {
      reason: c.current.status as "submitted" | "approved",
      message: why.vi,
      messageEn: why.en,
      mayChange: why.mayChange,
    };
  }
  if (c.reporterUnitId !== unit.id && reporter) {
    const said = reportedByMessage(reporter);
    return { reason: "reporter", message: said.vi, messageEn: said.en, mayChange: [] };
  }
  if (c.closed) return { reason: "period", message: c.closed.vi, messageEn: c.closed.en, mayChange: [] };
  return null;
}

function presentIndicator(p: Principal, sheet: Sheet, si: SheetIndicator): EntryIndicator {
  const i = si.ind;
  return {
    code: i.code,
    name: loc(i.nameVi, i.nameEn),
    tier: i.tier,
    unit: optLoc(i.unit, i.unitEn),
    frequency: i.frequency,
    valueType: isMilestoneIndicator(i) ? "boolean" : "number",
    bounds: { min: i.boundMin, max: i.boundMax },
    reportedBy: i.reportedBy === "responsible" ? "responsible" : "unit",
    disaggregations: Object.entries(i.disaggregations ?? {}).map(([dimension, options]) => ({
      dimension,
      options,
    })),
    dueAt: si.dueAt.toISOString(),
    cells: si.cells.map((c) => presentCell(p, sheet, si, c)),
  };
}

export function presentSheet(p: Principal, sheet: Sheet): EntrySheet {
  const named = new Set<string>([sheet.unit.id]);
  for (const si of sheet.indicators)
    for (const c of si.cells) {
      named.add(c.orgUnitId);
      named.add(c.reporterUnitId);
      if (c.current) named.add(c.current.reporterUnitId);
    }
  const units: EntrySheet["units"] = {};
  for (const id of named) {
    const u = sheet.units.get(id);
    if (u) units[u.code] = loc(u.nameVi, u.nameEn);
  }
  return {
    unit: { code: sheet.unit.code, name: loc(sheet.unit.nameVi, sheet.unit.nameEn), kind: sheet.unit.kind },
    plan: sheet.plan,
    period: formatPeriod(sheet.period),
    periodKind: sheet.period.kind,
    history: sheet.history.map(formatPeriod),
    units,
    indicators: sheet.indicators.map((si) => presentIndicator(p, sheet, si)),
    related: sheet.related.map((r) => ({
      period: formatPeriod(r.period),
      periodKind: r.period.kind,
      indicators: r.count,
    })),
  };
}
