/**
 * The live check of a formula as it is typed: the domain's own parser and checker (the server runs
 * the same one again on save), fed with the indicators the page knows: their codes (unknown codes
 * are errors) and formulas (to find cycles). Each problem carries its 1-based column.
 */
import { checkFormula } from "../../../domain/formula/check.js";
import { parseFormula, references } from "../../../domain/formula/parse.js";
import type { Lang } from "../../lib/format.js";

export interface KnownIndicator {
  code: string;
  formula: string | null;
}

export interface FormulaProblem {
  column: number;
  message: string;
}

export type FormulaCheck =
  | { state: "empty" }
  | { state: "ok"; refs: string[] }
  | { state: "error"; problems: FormulaProblem[] };

function refsOf(formula: string | null): string[] | undefined {
  if (!formula) return undefined;
  try {
    return references(parseFormula(formula));
  } catch {
    return undefined;
  }
}

export function liveFormulaCheck(
  code: string,
  src: string,
  known: readonly KnownIndicator[],
  lang: Lang,
): FormulaCheck {
  if (src.trim() === "") return { state: "empty" };
  const byCode = new Map(known.map((k) => [k.code, k.formula]));
  const result = checkFormula(code, src, {
    known: (c) => c === code || byCode.has(c),
    formulaRefs: (c) => refsOf(byCode.get(c) ?? null),
  });
  if (result.ok) return { state: "ok", refs: result.refs };
  return {
    state: "error",
    problems: result.errors.map((e) => ({
      column: e.column,
      message: lang === "vi" ? e.messageVi : e.message,
    })),
  };
}
