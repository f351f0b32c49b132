/**
 * Validation of a formula when it is saved: syntax, unknown indicator codes, function arity and
 * argument types (growth and cagr take an indicator, not a number), and cycles through other
 * indicators' formulas. Every problem is a FormulaError with its position.
 */
import { FormulaError, type Node, parseFormula, references } from "./parse.js";

export interface CheckContext {
  /** True when the code names an indicator of the catalogue. */
  known(code: string): boolean;
  /** The codes other indicators' formulas refer to (to find cycles); absent when none. */
  formulaRefs(code: string): readonly string[] | undefined;
}

function typeErrors(node: Node, src: string): FormulaError[] {
  const out: FormulaError[] = [];
  const walk = (n: Node) => {
    if (n.type === "neg") walk(n.arg);
    if (n.type === "bin") {
      walk(n.left);
      walk(n.right);
    }
    if (n.type !== "call") return;
    const arity = (ok: boolean, en: string, vi: string) => {
      if (!ok) out.push(new FormulaError(`${n.fn}: ${en}`, n.pos, src, `${n.fn}: ${vi}`));
    };
    switch (n.fn) {
      case "sum":
      case "avg":
      case "min":
      case "max":
        arity(n.args.length >= 1, "needs at least one argument", "cần ít nhất một tham số");
        break;
      case "abs":
        arity(n.args.length === 1, "takes exactly one argument", "nhận đúng một tham số");
        break;
      case "growth":
        arity(
          n.args.length === 1 && n.args[0]?.type === "ref",
          "takes one indicator code (its series)",
          "nhận đúng một mã chỉ tiêu (chuỗi số liệu)",
        );
        break;
      case "cagr":
        arity(
          n.args.length === 2 &&
            n.args[0]?.type === "ref" &&
            n.args[1]?.type === "num" &&
            n.args[1].value > 0,
          "takes an indicator code and a positive number of years",
          "nhận một mã chỉ tiêu và số năm dương",
        );
        break;
    }
    n.args.forEach(walk);
  };
  walk(node);
  return out;
}

/** The cycle (as codes) that `code` with `refs` would close, if any. */
export function findCycle(
  code: string,
  refs: readonly string[],
  ctx: Pick<CheckContext, "formulaRefs">,
): string[] | undefined {
  const stack: string[] = [code];
  const seen = new Set<string>();
  const visit = (current: readonly string[]): string[] | undefined => {
    for (const r of current) {
      if (r === code) return [...stack, r];
      if (seen.has(r)) continue;
      seen.add(r);
      const next = ctx.formulaRefs(r);
      if (!next) continue;
      stack.push(r);
      const found = visit(next);
      if (found) return found;
      stack.pop();
    }
    return undefined;
  };
  return visit(refs);
}

export interface CheckResult {
  ok: boolean;
  node?: Node;
  refs: string[];
  errors: FormulaError[];
}

export function checkFormula(code: string, src: string, ctx: CheckContext): CheckResult {
  let node: Node;
  try {
    node = parseFormula(src);
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, refs: [], errors: [err] };
    throw err;
  }
  const errors = typeErrors(node, src);
  const refs = references(node);
  const positions = new Map<string, number>();
  const walk = (n: Node) => {
    if (n.type === "ref" && !positions.has(n.code)) positions.set(n.code, n.pos);
    if (n.type === "neg") walk(n.arg);
    if (n.type === "bin") {
      walk(n.left);
      walk(n.right);
    }
    if (n.type === "call") n.args.forEach(walk);
  };
  walk(node);
  for (const r of refs)
    if (!ctx.known(r))
      errors.push(
        new FormulaError(`unknown indicator "${r}"`, positions.get(r) ?? 0, src, `không có chỉ tiêu "${r}"`),
      );
  if (refs.includes(code))
    errors.push(
      new FormulaError(
        `"${code}" refers to itself`,
        positions.get(code) ?? 0,
        src,
        `"${code}" tự tham chiếu chính nó`,
      ),
    );
  else {
    const cycle = findCycle(code, refs, ctx);
    if (cycle) {
      const first = cycle[1] ?? code;
      errors.push(
        new FormulaError(
          `cycle: ${cycle.join(" → ")}`,
          positions.get(first) ?? 0,
          src,
          `vòng lặp: ${cycle.join(" → ")}`,
        ),
      );
    }
  }
  errors.sort((a, b) => a.pos - b.pos);
  return { ok: errors.length === 0, node, refs, errors };
}
