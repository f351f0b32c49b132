/**
 * The indicator definition form: its fields as typed text, read from the indicator, and turned
 * back into the PATCH body with only what changed (the server versions whatever it receives, so
 * an untouched field is not sent). Problems name their field and an i18n key (or the parser's own
 * message); nothing is sent while there is one.
 */
import type { IndicatorPatchBody } from "../../api/admin-plans-types.js";
import type { Indicator } from "../../api/indicator-types.js";
import { sameJson } from "../../lib/diff.js";
import type { Lang } from "../../lib/format.js";
import { readNumber, writeNumber } from "./numbers.js";

export interface DefinitionForm {
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  frequency: Indicator["frequency"];
  aggregation: Indicator["aggregation"];
  formula: string;
  boundMin: string;
  boundMax: string;
  reportedBy: Indicator["reportedBy"];
  disaggregations: string;
}

export type DefinitionField = keyof DefinitionForm;

export interface Problem {
  field: DefinitionField;
  /** An i18n key of the adminPlans namespace, or the message itself when `raw`. */
  key: string;
  raw?: boolean;
  /** The line of the disaggregations text a problem is on (1-based). */
  line?: number;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Disaggregations as lines "dimension: option, option". */
export function formatDisaggregations(d: Record<string, string[]> | null): string {
  if (!d) return "";
  return Object.entries(d)
    .map(([dim, options]) => `${dim}: ${options.join(", ")}`)
    .join("\n");
}

export function parseDisaggregations(
  text: string,
): { ok: true; value: Record<string, string[]> | null } | { ok: false; problems: Problem[] } {
  const out: Record<string, string[]> = {};
  const problems: Problem[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const colon = line.indexOf(":");
    const dim = colon < 0 ? "" : line.slice(0, colon).trim();
    const options = line
      .slice(colon + 1)
      .split(",")
      .map((o) => o.trim())
      .filter((o) => o !== "");
    const problem =
      colon < 0
        ? "disaggLine"
        : !CODE.test(dim) || options.some((o) => !CODE.test(o))
          ? "disaggCode"
          : options.length === 0
            ? "disaggEmpty"
            : dim in out || new Set(options).size !== options.length
              ? "disaggTwice"
              : null;
    if (problem)
      problems.push({ field: "disaggregations", line: i + 1, key: `definition.problems.${problem}` });
    else out[dim] = options;
  }
  if (Object.keys(out).length > 10)
    problems.push({ field: "disaggregations", key: "definition.problems.disaggMany" });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: Object.keys(out).length > 0 ? out : null };
}

export function formFromIndicator(ind: Indicator): DefinitionForm {
  return {
    nameVi: ind.name.vi,
    nameEn: ind.name.en ?? "",
    unitVi: ind.unit?.vi ?? "",
    unitEn: ind.unit?.en ?? "",
    frequency: ind.frequency,
    aggregation: ind.aggregation,
    formula: ind.formula ?? "",
    boundMin: writeNumber(ind.bounds.min),
    boundMax: writeNumber(ind.bounds.max),
    reportedBy: ind.reportedBy,
    disaggregations: formatDisaggregations(ind.disaggregations),
  };
}

const bilingual = (vi: string, en: string) => ({ vi: vi.trim(), ...(en.trim() ? { en: en.trim() } : {}) });

/** The PATCH body of what changed between the indicator's form and the edited one, or the problems. */
export function definitionPatch(
  initial: DefinitionForm,
  form: DefinitionForm,
  lang: Lang,
): { patch: Omit<IndicatorPatchBody, "reason">; problems: Problem[] } {
  const patch: Omit<IndicatorPatchBody, "reason"> = {};
  const problems: Problem[] = [];
  const changed = (...fields: DefinitionField[]) => fields.some((f) => form[f].trim() !== initial[f].trim());

  if (changed("nameVi", "nameEn")) {
    if (form.nameVi.trim() === "")
      problems.push({ field: "nameVi", key: "definition.problems.nameRequired" });
    else patch.name = bilingual(form.nameVi, form.nameEn);
  }
  if (changed("unitVi", "unitEn")) {
    if (form.unitVi.trim() === "" && form.unitEn.trim() !== "")
      problems.push({ field: "unitVi", key: "definition.problems.unitViFirst" });
    else patch.unit = form.unitVi.trim() === "" ? null : bilingual(form.unitVi, form.unitEn);
  }
  if (form.frequency !== initial.frequency) patch.frequency = form.frequency;
  if (form.aggregation !== initial.aggregation) patch.aggregation = form.aggregation;
  if (form.reportedBy !== initial.reportedBy) patch.reportedBy = form.reportedBy;
  if (changed("formula")) {
    // The API keeps a formula once set: it can be changed but not removed here.
    if (form.formula.trim() === "")
      problems.push({ field: "formula", key: "definition.problems.formulaClear" });
    else patch.formula = form.formula.trim();
  }
  if (changed("boundMin", "boundMax")) {
    const min = readNumber(form.boundMin, lang);
    const max = readNumber(form.boundMax, lang);
    if (!min.ok) problems.push({ field: "boundMin", key: min.message, raw: true });
    if (!max.ok) problems.push({ field: "boundMax", key: max.message, raw: true });
    if (min.ok && max.ok) {
      if (min.value !== null && max.value !== null && min.value > max.value)
        problems.push({ field: "boundMax", key: "definition.problems.boundsOrder" });
      else
        patch.bounds =
          min.value === null && max.value === null
            ? null
            : {
                ...(min.value !== null ? { min: min.value } : {}),
                ...(max.value !== null ? { max: max.value } : {}),
              };
    }
  }
  const disagg = parseDisaggregations(form.disaggregations);
  if (!disagg.ok) problems.push(...disagg.problems);
  else {
    const before = parseDisaggregations(initial.disaggregations);
    if (!before.ok || !sameJson(before.value, disagg.value)) patch.disaggregations = disagg.value;
  }
  return { patch, problems };
}
