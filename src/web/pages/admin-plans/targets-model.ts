/**
 * An indicator's targets in one plan (national first, then units' own, by year), and the target
 * form: its fields as typed text, turned into the PUT body or the problems that keep it from
 * being sent. A PUT replaces the whole target, so the form starts from the current one.
 */
import type { TargetBody } from "../../api/admin-plans-types.js";
import type { Indicator } from "../../api/indicator-types.js";
import type { Lang } from "../../lib/format.js";
import { readNumber, writeNumber } from "./numbers.js";

export type Target = Indicator["targets"][number];
export type Comparator = Target["comparator"];
export const COMPARATORS: readonly Comparator[] = [">=", ">", "<=", "<", "=", "between", "top"];

export function planTargets(targets: readonly Target[], plan: string): Target[] {
  return targets
    .filter((t) => t.plan === plan)
    .sort(
      (a, b) =>
        a.year - b.year ||
        (a.orgUnit === null ? -1 : b.orgUnit === null ? 1 : a.orgUnit.localeCompare(b.orgUnit)),
    );
}

export interface TargetForm {
  year: string;
  orgUnit: string;
  comparator: Comparator;
  value: string;
  valueMax: string;
  achieved: "" | "yes" | "no";
  noteVi: string;
  noteEn: string;
}

export function formFromTarget(t: Target | null, year: number): TargetForm {
  return {
    year: String(t?.year ?? year),
    orgUnit: t?.orgUnit ?? "",
    comparator: t?.comparator ?? ">=",
    value: writeNumber(t?.value),
    valueMax: writeNumber(t?.valueMax),
    achieved: t?.achieved === true ? "yes" : t?.achieved === false ? "no" : "",
    noteVi: t?.note?.vi ?? "",
    noteEn: t?.note?.en ?? "",
  };
}

export type TargetField = keyof TargetForm;
export interface TargetProblem {
  field: TargetField;
  /** An i18n key of the adminPlans namespace, or the message itself when `raw`. */
  key: string;
  raw?: boolean;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The target the form describes, or why it cannot be sent. `span` is the plan's years. */
export function targetFromForm(
  form: TargetForm,
  kind: Indicator["kind"],
  span: { start: number; end: number },
  lang: Lang,
): { target: TargetBody["target"] | null; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const year = Number(form.year);
  if (!/^\d{4}$/.test(form.year.trim()) || year < span.start || year > span.end)
    problems.push({ field: "year", key: "targets.problems.year" });
  const unit = form.orgUnit.trim();
  if (unit !== "" && !CODE.test(unit)) problems.push({ field: "orgUnit", key: "targets.problems.unit" });
  const value = readNumber(form.value, lang);
  const valueMax = readNumber(form.valueMax, lang);
  if (!value.ok) problems.push({ field: "value", key: value.message, raw: true });
  if (!valueMax.ok) problems.push({ field: "valueMax", key: valueMax.message, raw: true });
  const v = value.ok ? value.value : null;
  const vMax = valueMax.ok ? valueMax.value : null;
  const needsValue = kind !== "milestone" && kind !== "qualitative";
  if (value.ok && v === null && needsValue) problems.push({ field: "value", key: "targets.problems.value" });
  if (form.comparator === "between") {
    if (valueMax.ok && vMax === null) problems.push({ field: "valueMax", key: "targets.problems.valueMax" });
    else if (v !== null && vMax !== null && vMax < v)
      problems.push({ field: "valueMax", key: "targets.problems.order" });
  }
  if (problems.length > 0) return { target: null, problems };
  const note = form.noteVi.trim()
    ? { note: { vi: form.noteVi.trim(), ...(form.noteEn.trim() ? { en: form.noteEn.trim() } : {}) } }
    : {};
  return {
    target: {
      year,
      ...(unit ? { orgUnit: unit } : {}),
      comparator: form.comparator,
      ...(v !== null ? { value: v } : {}),
      ...(form.comparator === "between" && vMax !== null ? { valueMax: vMax } : {}),
      ...(form.achieved ? { achieved: form.achieved === "yes" } : {}),
      ...note,
    },
    problems,
  };
}

const SYMBOLS: Partial<Record<Comparator, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

/**
 * A target in one short cell ("≥ 40,5", "1–2", "top 3"), so the table fits a phone; `number`
 * formats in the page's language, `words` gives the few worded forms.
 */
export function targetText(
  t: Pick<Target, "comparator" | "value" | "valueMax" | "achieved">,
  number: (v: number | null) => string,
  words: { top: (n: string) => string; reached: string; notReached: string },
): string {
  if (t.achieved !== null) return t.achieved ? words.reached : words.notReached;
  if (t.comparator === "between") return `${number(t.value)}–${number(t.valueMax)}`;
  if (t.comparator === "top") return words.top(number(t.value));
  return `${SYMBOLS[t.comparator] ?? t.comparator} ${number(t.value)}`;
}
