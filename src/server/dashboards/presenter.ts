/** Assessments as the API shows them: numbers rounded to 6 decimals, names in both languages. */
import type { TargetOverview } from "../../domain/overview.js";
import type { Catalogue, CatalogueIndicator } from "./load.js";

export const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6;

export function presentAssessment(a: Omit<TargetOverview, "measuredBy">, cat: Catalogue) {
  const ind = cat.byCode.get(a.code) as CatalogueIndicator;
  return {
    code: a.code,
    tier: ind.tier,
    name: { vi: ind.nameVi, en: ind.nameEn },
    unit: ind.unit,
    systems: ind.systemCodes,
    status: a.status,
    progress: round(a.progress),
    latest: a.latest ? { ...a.latest, value: round(a.latest.value) as number } : null,
    target: a.target
      ? {
          year: a.target.year,
          comparator: a.target.comparator,
          value: a.target.value,
          valueMax: a.target.valueMax ?? null,
          kind: a.target.kind,
        }
      : null,
    forecast: a.forecast
      ? {
          method: a.forecast.method,
          year: a.forecast.year,
          value: round(a.forecast.value) as number,
          low: round(a.forecast.low) as number,
          high: round(a.forecast.high) as number,
          low80: round(a.forecast.low80) as number,
          high80: round(a.forecast.high80) as number,
          horizon: a.forecast.horizon,
          pointCount: a.forecast.pointCount,
          bandSource: a.forecast.bandSource,
        }
      : null,
    reachedYear: a.reachedYear,
    probability: round(a.probability),
    probabilityInRange: round(a.probabilityInRange),
    change: a.change
      ? {
          needed: round(a.change.needed),
          observed: round(a.change.observed),
          observedYears: a.change.observedYears,
        }
      : null,
    progressClass: { class: a.progressClass.class, ratio: round(a.progressClass.ratio) },
    previousStatus: a.previousStatus,
    changedAt: a.changedAt,
    reason: a.reason,
    basedOn: a.basedOn,
  };
}
