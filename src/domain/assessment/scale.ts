/**
 * The scale a series is forecast on, so that no forecast or band leaves the indicator's bounds
 * (counts >= 0, shares 0–100 %, indices 0–1, ranks >= 1 and at most the number ranked):
 *
 * - both bounds known: the logit of the position between them, the ends clipped by a small
 *   epsilon (a share of exactly 0 % or 100 % would otherwise be infinitely far away);
 * - one bound or none: the values as they are, and every result clipped to the bound.
 *
 * The back-test (bench/forecast, docs/decisions/0011) compares this with the alternatives kept
 * here as strategies: clipping everything, and a log scale above a lower bound.
 */

export interface ValueBounds {
  min: number | null;
  max: number | null;
}

export interface Scale {
  kind: "logit" | "log" | "identity";
  /** A value onto the scale (data: the ends are clipped by epsilon, so a 0 % stays finite). */
  to(v: number): number;
  /** A threshold strictly inside the bounds onto the scale, exactly (no epsilon): `from`'s inverse. */
  toExact(v: number): number;
  from(z: number): number;
  /** Clips a value on the original scale to the bounds. */
  clip(v: number): number;
}

/** Share of the range kept away from each end before the logit. */
export const LOGIT_EPSILON = 1e-3;

export const NO_BOUNDS: ValueBounds = { min: null, max: null };

export function clipTo(b: ValueBounds, v: number): number {
  let x = v;
  if (b.min !== null && x < b.min) x = b.min;
  if (b.max !== null && x > b.max) x = b.max;
  return x;
}

export type ScaleStrategy = "default" | "clip" | "log";

export function scaleFor(b: ValueBounds, strategy: ScaleStrategy = "default"): Scale {
  const clip = (v: number) => clipTo(b, v);
  if (strategy !== "clip" && b.min !== null && b.max !== null && b.max > b.min) {
    const lo = b.min;
    const width = b.max - b.min;
    return {
      kind: "logit",
      to(v) {
        const u = Math.min(1 - LOGIT_EPSILON, Math.max(LOGIT_EPSILON, (v - lo) / width));
        return Math.log(u / (1 - u));
      },
      toExact(v) {
        const u = (v - lo) / width;
        return Math.log(u / (1 - u));
      },
      from(z) {
        // exp of a large z overflows to Infinity: 1 / (1 + 0) and 1 / Infinity are both fine.
        return clip(lo + width / (1 + Math.exp(-z)));
      },
      clip,
    };
  }
  if (strategy === "log" && b.min !== null) {
    // Shifted so that a value at the bound stays finite: one unit for ranks (log of the rank
    // itself), a small share of the typical size otherwise.
    const lo = b.min;
    const shift = lo >= 1 ? lo : 1e-3;
    return {
      kind: "log",
      to: (v) => Math.log(Math.max(v - lo, 0) + shift),
      toExact: (v) => Math.log(Math.max(v - lo, 0) + shift),
      from: (z) => clip(Math.min(Math.exp(z), Number.MAX_VALUE) - shift + lo),
      clip,
    };
  }
  return { kind: "identity", to: (v) => v, toExact: (v) => v, from: clip, clip };
}
