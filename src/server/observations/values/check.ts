/**
 * Checks of one value before it is written, worded for the user in both languages: the period
 * code and its kind against the indicator's frequency, the reporting window, the value's type
 * (yes/no for milestones) and bounds, the disaggregation, and that the unit existed in that period.
 */
import { isMilestoneIndicator } from "../../../domain/indicator-values.js";
import {
  frequencyPeriodKind,
  monthRange,
  PERIOD_EXAMPLES,
  PERIOD_FORMAT,
  PeriodError,
  parsePeriod,
  periodKindWords,
} from "../../../domain/periods.js";
import { boundsProblem, periodWindowProblem } from "../../../domain/value-rules.js";
import type { ErrorDetail } from "../../core/errors.js";
import type { ObservationInput, Refs } from "./model.js";

/** Problems with one input, as field-named details in both languages (empty when valid). */
export function checkObservation(
  input: ObservationInput,
  refs: Refs,
  path = "",
  now: Date = new Date(),
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const add = (field: string, vi: string, en: string, value?: unknown) =>
    out.push({ path: `${path}${field}`, message: `${field}: ${vi}`, messageEn: `${field}: ${en}`, value });
  for (const field of ["source", "comment", "evidenceUrl"] as const) {
    const v = input[field];
    if (typeof v === "string" && v.includes("\u0000"))
      add(field, "chứa ký tự NUL (U+0000) không hợp lệ", "contains the invalid NUL character (U+0000)", v);
  }
  const ind = refs.indicators.get(input.indicator);
  if (!ind)
    add(
      "indicator",
      `không có chỉ tiêu “${input.indicator}”`,
      `unknown indicator “${input.indicator}”`,
      input.indicator,
    );
  else if (ind.retiredAt)
    add(
      "indicator",
      `chỉ tiêu “${input.indicator}” đã ngừng theo dõi`,
      `indicator “${input.indicator}” is retired`,
      input.indicator,
    );
  else if (ind.tier === "objective")
    add(
      "indicator",
      "mục tiêu chiến lược không nhận số liệu trực tiếp",
      "objectives take no values directly",
      input.indicator,
    );
  if (ind) {
    const dims = ind.disaggregations ?? {};
    for (const [k, v] of Object.entries(input.disaggregation ?? {})) {
      const options = dims[k];
      if (!options)
        add(
          "disaggregation",
          Object.keys(dims).length
            ? `“${k}” không phải chiều phân tổ của ${ind.code} (có: ${Object.keys(dims).join(", ")})`
            : `${ind.code} không phân tổ`,
          Object.keys(dims).length
            ? `“${k}” is not a disaggregation of ${ind.code} (it has: ${Object.keys(dims).join(", ")})`
            : `${ind.code} takes no disaggregation`,
          input.disaggregation,
        );
      else if (!options.includes(v))
        add(
          "disaggregation",
          `“${v}” không thuộc ${k} (chọn: ${options.join(", ")})`,
          `“${v}” is not an option of ${k} (choose: ${options.join(", ")})`,
          input.disaggregation,
        );
    }
  }
  const unit = refs.units.get(input.unit);
  if (!unit) add("unit", `không có đơn vị “${input.unit}”`, `unknown org unit “${input.unit}”`, input.unit);
  const reporter = input.reporterUnit ? refs.units.get(input.reporterUnit) : unit;
  if (input.reporterUnit && !reporter)
    add(
      "reporterUnit",
      `không có đơn vị “${input.reporterUnit}”`,
      `unknown org unit “${input.reporterUnit}”`,
      input.reporterUnit,
    );
  try {
    const p = parsePeriod(input.period);
    const expected = ind ? frequencyPeriodKind[ind.frequency] : undefined;
    if (expected && expected !== p.kind)
      add(
        "period",
        `chỉ tiêu báo cáo theo ${periodKindWords[expected].vi}, kỳ phải có dạng ${PERIOD_EXAMPLES[expected]}`,
        `the indicator is reported ${periodKindWords[expected].en}: the period must look like ${PERIOD_EXAMPLES[expected]}`,
        input.period,
      );
    const window = periodWindowProblem(input.period, now, ind?.valuesFrom ?? null);
    if (window) add("period", window.vi, window.en, input.period);
    if (unit) {
      const [first, last] = monthRange(p);
      const start = `${p.year}-${String(first).padStart(2, "0")}-01`;
      const end = `${p.year}-${String(last).padStart(2, "0")}-28`;
      if ((unit.validTo && unit.validTo < start) || (unit.validFrom && unit.validFrom > end))
        add(
          "unit",
          `đơn vị “${unit.code}” không tồn tại trong kỳ ${input.period}`,
          `org unit “${unit.code}” did not exist in ${input.period}`,
          input.unit,
        );
    }
  } catch (err) {
    if (!(err instanceof PeriodError)) throw err;
    add(
      "period",
      `kỳ báo cáo phải có dạng ${PERIOD_FORMAT.vi}`,
      `the period must look like ${PERIOD_FORMAT.en}`,
      input.period,
    );
  }
  if (ind) {
    const milestone = isMilestoneIndicator(ind);
    if (milestone && typeof input.value !== "boolean")
      add(
        "value",
        "chỉ tiêu mốc nhận giá trị có/không (true/false)",
        "a milestone takes yes/no (true/false)",
        input.value,
      );
    if (!milestone && (typeof input.value !== "number" || !Number.isFinite(input.value)))
      add("value", "cần một số", "a number is expected", input.value);
    else if (typeof input.value === "number") {
      const outside = boundsProblem(input.value, { min: ind.boundMin, max: ind.boundMax });
      if (outside) add("value", `${input.value} ${outside.vi}`, `${input.value} ${outside.en}`, input.value);
    }
  }
  return out;
}
