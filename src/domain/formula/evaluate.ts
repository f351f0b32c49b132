/**
 * Evaluating a formula. A missing operand gives no value and says which one — never a silent 0;
 * so does a division by zero or a growth rate without enough history.
 */
import type { Node } from "./parse.js";

export interface Point {
  /** Decimal year of the observation (see periods.midYear). */
  t: number;
  v: number;
}

export interface EvalEnv {
  /** The value of an indicator for the period being computed; undefined or null when missing. */
  value(code: string): number | null | undefined;
  /** The indicator's series up to the period being computed, oldest first. */
  series(code: string): readonly Point[];
}

export interface Reason {
  vi: string;
  en: string;
}

export type EvalResult = { value: number; reason?: undefined } | { value: null; reason: Reason };

/** Thrown to unwind evaluation at a missing operand; not an Error, so no stack trace is captured (it is hot). */
class Missing {
  constructor(readonly reason: Reason) {}
}

const miss = (vi: string, en: string): never => {
  throw new Missing({ vi, en });
};

function num(n: Node, env: EvalEnv): number {
  switch (n.type) {
    case "num":
      return n.value;
    case "ref": {
      const v = env.value(n.code);
      if (v === null || v === undefined || !Number.isFinite(v))
        return miss(`thiếu số liệu của ${n.code}`, `no value for ${n.code}`);
      return v;
    }
    case "neg":
      return -num(n.arg, env);
    case "bin": {
      const a = num(n.left, env);
      const b = num(n.right, env);
      if (n.op === "+") return a + b;
      if (n.op === "-") return a - b;
      if (n.op === "*") return a * b;
      if (b === 0) return miss("chia cho 0", "division by zero");
      return a / b;
    }
    case "call": {
      if (n.fn === "growth" || n.fn === "cagr") {
        const ref = n.args[0];
        if (ref?.type !== "ref") return miss("tham số không hợp lệ", "invalid argument");
        const series = env.series(ref.code).filter((p) => Number.isFinite(p.v));
        const last = series[series.length - 1];
        if (n.fn === "growth") {
          const prev = series[series.length - 2];
          if (!last || !prev)
            return miss(
              `chưa đủ 2 kỳ số liệu của ${ref.code} để tính tăng trưởng`,
              `fewer than 2 values of ${ref.code} for a growth rate`,
            );
          if (prev.v === 0)
            return miss(`kỳ trước của ${ref.code} bằng 0`, `the previous value of ${ref.code} is 0`);
          return (last.v / prev.v - 1) * 100;
        }
        const years = num(n.args[1] as Node, env);
        const then = last ? [...series].reverse().find((p) => last.t - p.t >= years - 1e-9) : undefined;
        if (!last || !then)
          return miss(
            `chưa đủ ${years} năm số liệu của ${ref.code}`,
            `fewer than ${years} years of ${ref.code}`,
          );
        if (then.v <= 0 || last.v < 0)
          return miss(`số liệu của ${ref.code} không dương`, `values of ${ref.code} are not positive`);
        return ((last.v / then.v) ** (1 / (last.t - then.t)) - 1) * 100;
      }
      const values = n.args.map((a) => num(a, env));
      if (n.fn === "abs") return Math.abs(values[0] as number);
      if (n.fn === "sum") return values.reduce((s, v) => s + v, 0);
      if (n.fn === "avg") return values.reduce((s, v) => s + v, 0) / values.length;
      if (n.fn === "min") return Math.min(...values);
      return Math.max(...values);
    }
  }
}

export function evaluate(node: Node, env: EvalEnv): EvalResult {
  try {
    const value = num(node, env);
    if (!Number.isFinite(value))
      return {
        value: null,
        reason: { vi: "kết quả không xác định", en: "the result is not a finite number" },
      };
    return { value };
  } catch (err) {
    if (err instanceof Missing) return { value: null, reason: err.reason };
    throw err;
  }
}
