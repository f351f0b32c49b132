/**
 * The formula language of KPIs and targets: a small, safe expression language (no eval, no
 * Function). Grammar:
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := NUMBER | ref | call | '(' expr ')'
 *   ref     := IDENT | '[' CODE ']'          -- [T30-A04] quotes codes with '-' or '.'
 *   call    := IDENT '(' (expr (',' expr)*)? ')'
 *
 * Functions: sum, avg, min, max (numbers, variadic), abs(x), growth(ref) — year-on-year growth in
 * % of an indicator's series —, cagr(ref, years) — compound annual growth in % over `years`.
 * Every error carries its position (offset, line, column).
 */

export type Node =
  | { type: "num"; value: number; pos: number }
  | { type: "ref"; code: string; pos: number }
  | { type: "neg"; arg: Node; pos: number }
  | { type: "bin"; op: "+" | "-" | "*" | "/"; left: Node; right: Node; pos: number }
  | { type: "call"; fn: FunctionName; args: Node[]; pos: number };

export const functionNames = ["sum", "avg", "min", "max", "abs", "growth", "cagr"] as const;
export type FunctionName = (typeof functionNames)[number];

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    readonly source: string,
    readonly messageVi: string = message,
  ) {
    super(message);
    this.name = "FormulaError";
  }

  get line(): number {
    return this.source.slice(0, this.pos).split("\n").length;
  }

  get column(): number {
    const before = this.source.slice(0, this.pos);
    return this.pos - (before.lastIndexOf("\n") + 1) + 1;
  }
}

type Token =
  | { kind: "num"; value: number; pos: number }
  | { kind: "ident"; value: string; pos: number }
  | { kind: "code"; value: string; pos: number }
  | { kind: "op"; value: string; pos: number }
  | { kind: "end"; pos: number };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH)
    throw new FormulaError(
      `formula longer than ${MAX_LENGTH} characters`,
      MAX_LENGTH,
      src,
      `công thức dài quá ${MAX_LENGTH} ký tự`,
    );
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new FormulaError(`unexpected "${c}"`, i, src, `ký tự không hợp lệ "${c}"`);
      out.push({ kind: "num", value: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: "ident", value: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === "[") {
      const end = src.indexOf("]", i);
      const code = end < 0 ? "" : src.slice(i + 1, end);
      if (end < 0 || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code))
        throw new FormulaError(
          "a [code] reference is not closed or not a code",
          i,
          src,
          "tham chiếu [mã] chưa đóng hoặc không phải mã",
        );
      out.push({ kind: "code", value: code, pos: i });
      i = end + 1;
      continue;
    }
    if ("+-*/(),".includes(c)) {
      out.push({ kind: "op", value: c, pos: i });
      i++;
      continue;
    }
    throw new FormulaError(`unexpected "${c}"`, i, src, `ký tự không hợp lệ "${c}"`);
  }
  out.push({ kind: "end", pos: src.length });
  return out;
}

export function parseFormula(src: string): Node {
  const tokens = tokenize(src);
  let k = 0;
  let depth = 0;
  const peek = () => tokens[k] as Token;
  const fail = (t: Token, en: string, vi: string): never => {
    throw new FormulaError(en, t.pos, src, vi);
  };
  const isOp = (t: Token, v: string) => t.kind === "op" && t.value === v;
  const expect = (v: string) => {
    const t = peek();
    if (!isOp(t, v)) fail(t, `expected "${v}"`, `thiếu "${v}"`);
    k++;
  };

  const expr = (): Node => {
    if (++depth > MAX_DEPTH) fail(peek(), "formula nested too deeply", "công thức lồng quá sâu");
    let left = term();
    for (let t = peek(); isOp(t, "+") || isOp(t, "-"); t = peek()) {
      k++;
      left = { type: "bin", op: (t as { value: "+" | "-" }).value, left, right: term(), pos: t.pos };
    }
    depth--;
    return left;
  };
  const term = (): Node => {
    let left = unary();
    for (let t = peek(); isOp(t, "*") || isOp(t, "/"); t = peek()) {
      k++;
      left = { type: "bin", op: (t as { value: "*" | "/" }).value, left, right: unary(), pos: t.pos };
    }
    return left;
  };
  const unary = (): Node => {
    const t = peek();
    if (isOp(t, "-")) {
      k++;
      if (++depth > MAX_DEPTH) fail(t, "formula nested too deeply", "công thức lồng quá sâu");
      const arg = unary();
      depth--;
      return { type: "neg", arg, pos: t.pos };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = peek();
    if (t.kind === "num") {
      k++;
      return { type: "num", value: t.value, pos: t.pos };
    }
    if (t.kind === "code") {
      k++;
      return { type: "ref", code: t.value, pos: t.pos };
    }
    if (t.kind === "ident") {
      k++;
      if (isOp(peek(), "(")) {
        const name = t.value.toLowerCase();
        if (!(functionNames as readonly string[]).includes(name))
          fail(t, `unknown function "${t.value}"`, `không có hàm "${t.value}"`);
        k++;
        const args: Node[] = [];
        if (!isOp(peek(), ")")) {
          args.push(expr());
          while (isOp(peek(), ",")) {
            k++;
            args.push(expr());
          }
        }
        expect(")");
        return { type: "call", fn: name as FunctionName, args, pos: t.pos };
      }
      return { type: "ref", code: t.value, pos: t.pos };
    }
    if (isOp(t, "(")) {
      k++;
      const inner = expr();
      expect(")");
      return inner;
    }
    return fail(
      t,
      t.kind === "end" ? "the formula ends too early" : `unexpected "${(t as { value: string }).value}"`,
      t.kind === "end" ? "công thức kết thúc sớm" : `không mong đợi "${(t as { value: string }).value}"`,
    );
  };

  const tree = expr();
  const rest = peek();
  if (rest.kind !== "end")
    fail(
      rest,
      `unexpected "${(rest as { value: string }).value}"`,
      `không mong đợi "${(rest as { value: string }).value}"`,
    );
  return tree;
}

/** Every indicator code the formula refers to, in order of appearance, without repeats. */
export function references(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.type === "ref" && !out.includes(n.code)) out.push(n.code);
    if (n.type === "neg") walk(n.arg);
    if (n.type === "bin") {
      walk(n.left);
      walk(n.right);
    }
    if (n.type === "call") n.args.forEach(walk);
  };
  walk(node);
  return out;
}
