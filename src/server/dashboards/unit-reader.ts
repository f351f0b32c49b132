/**
 * One indicator read at many units, as the caller may see them: each unit's values and its
 * assessment against its own targets (the country: the national ones). Shared by the breakdown
 * and the laggards, so a unit's status is judged one way.
 */
import { type CellSource, IndicatorValues } from "../../domain/indicator-values.js";
import { assessIndicator, type TargetRow } from "../../domain/overview.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import type { Catalogue, CatalogueIndicator } from "./load.js";
import { presentAssessment } from "./presenter.js";
import { currentMonth } from "./service.js";
import { hiddenFor } from "./visibility.js";

export function unitReader(
  cat: Catalogue,
  ind: CatalogueIndicator,
  sources: ReadonlyMap<string, CellSource>,
  principal: Principal,
  layer: Layer,
  clock: Date,
) {
  const now = currentMonth(clock);
  const memo = new Map<string, IndicatorValues | null>();
  /** The unit's values (null: the caller may not see this indicator there). */
  const valuesOf = (unitId: string): IndicatorValues | null => {
    if (memo.has(unitId)) return memo.get(unitId) ?? null;
    const hidden = hiddenFor(principal, cat, unitId, layer);
    const src = sources.get(unitId);
    const v = hidden(ind.code) || !src ? null : new IndicatorValues(cat.specs, src, hidden);
    memo.set(unitId, v);
    return v;
  };
  /** The targets a unit is judged against: its own, the country's the national ones. */
  const targetsOf = (u: { id: string; kind: string }): TargetRow[] =>
    u.kind === "country" ? ind.targets : (ind.unitTargets.get(u.id) ?? []);
  const unitAssessment = (u: { id: string; kind: string }) => {
    const values = valuesOf(u.id);
    if (!values) return null;
    return presentAssessment(
      assessIndicator(values, { ...ind, targets: targetsOf(u) }, now, clock, cat.thresholds),
      cat,
    );
  };
  return { now, valuesOf, targetsOf, unitAssessment };
}
