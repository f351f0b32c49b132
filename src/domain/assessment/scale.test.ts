import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipTo, LOGIT_EPSILON, NO_BOUNDS, type ScaleStrategy, scaleFor, type ValueBounds } from "./scale.js";

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const strategy = fc.constantFrom<ScaleStrategy>("default", "clip", "log");

/** Bounds of every shape: both (max > min), lower only, upper only, none. */
const bounds: fc.Arbitrary<ValueBounds> = fc.oneof(
  fc
    .tuple(finite(-1e6, 1e6), finite(1e-3, 1e6))
    .map(([min, width]) => ({ min, max: min + width }))
    .filter((b) => b.max > b.min),
  fc.constantFrom<ValueBounds>({ min: 0, max: 100 }, { min: 0, max: 1 }, { min: 1, max: 150 }),
  finite(-1e6, 1e6).map((min) => ({ min, max: null })),
  fc.constantFrom<ValueBounds>({ min: 0, max: null }, { min: 1, max: null }),
  finite(-1e6, 1e6).map((max) => ({ min: null, max })),
  fc.constant(NO_BOUNDS),
);

const inside = (b: ValueBounds, v: number) => {
  expect(Number.isNaN(v)).toBe(false);
  if (b.min !== null) expect(v).toBeGreaterThanOrEqual(b.min);
  if (b.max !== null) expect(v).toBeLessThanOrEqual(b.max);
};

/** A value between the bounds (anywhere when a side is open). */
const valueIn = (b: ValueBounds, u: number, free: number) => {
  if (b.min !== null && b.max !== null) return Math.min(b.max, b.min + u * (b.max - b.min));
  if (b.min !== null) return b.min + Math.abs(free);
  if (b.max !== null) return b.max - Math.abs(free);
  return free;
};

describe("clipTo", () => {
  it("clips to each known bound and leaves values inside alone", () => {
    const share = { min: 0, max: 100 };
    expect(clipTo(share, -5)).toBe(0);
    expect(clipTo(share, 150)).toBe(100);
    expect(clipTo(share, 42.5)).toBe(42.5);
    expect(clipTo(share, 0)).toBe(0);
    expect(clipTo(share, 100)).toBe(100);
    expect(clipTo({ min: 1, max: null }, 0)).toBe(1);
    expect(clipTo({ min: 1, max: null }, 1e9)).toBe(1e9);
    expect(clipTo({ min: null, max: 10 }, 11)).toBe(10);
    expect(clipTo({ min: null, max: 10 }, -1e9)).toBe(-1e9);
    expect(clipTo(NO_BOUNDS, -123.4)).toBe(-123.4);
    expect(clipTo(NO_BOUNDS, 1e300)).toBe(1e300);
  });

  it("lands inside the bounds, is idempotent, and is the identity inside", () => {
    fc.assert(
      fc.property(bounds, finite(-2e6, 2e6), (b, v) => {
        const c = clipTo(b, v);
        inside(b, c);
        expect(clipTo(b, c)).toBe(c);
        const isInside = (b.min === null || v >= b.min) && (b.max === null || v <= b.max);
        if (isInside) expect(c).toBe(v);
        else expect(c === b.min || c === b.max).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scaleFor: which scale", () => {
  it("uses the logit exactly when both bounds are known (max > min) and the strategy is not clip", () => {
    fc.assert(
      fc.property(bounds, strategy, (b, s) => {
        const kind = scaleFor(b, s).kind;
        const two = b.min !== null && b.max !== null && b.max > b.min;
        expect(kind === "logit").toBe(two && s !== "clip");
        if (s === "clip") expect(kind).toBe("identity");
        if (s === "default" && !two) expect(kind).toBe("identity");
        if (s === "log" && !two) expect(kind).toBe(b.min !== null ? "log" : "identity");
      }),
      { numRuns: 200 },
    );
  });

  it("examples", () => {
    expect(scaleFor({ min: 0, max: 100 }).kind).toBe("logit");
    expect(scaleFor({ min: 0, max: 100 }, "default").kind).toBe("logit");
    expect(scaleFor({ min: 0, max: 100 }, "clip").kind).toBe("identity");
    // the log strategy is a log scale above a lower bound; with both bounds the logit stays
    expect(scaleFor({ min: 1, max: 150 }, "log").kind).toBe("logit");
    expect(scaleFor({ min: 1, max: null }, "log").kind).toBe("log");
    expect(scaleFor({ min: 0, max: null }).kind).toBe("identity");
    expect(scaleFor({ min: null, max: 5 }, "log").kind).toBe("identity");
    expect(scaleFor(NO_BOUNDS).kind).toBe("identity");
    // a degenerate range (min = max) is no logit
    expect(scaleFor({ min: 3, max: 3 }).kind).toBe("identity");
    expect(scaleFor({ min: 3, max: 3 }).from(10)).toBe(3);
  });
});

describe("scaleFor: from", () => {
  it("maps any finite z inside the bounds (finite for logit and identity)", () => {
    const z = fc.oneof(finite(-50, 50), finite(-1e308, 1e308), fc.constantFrom(0, -800, 800, -1e308, 1e308));
    fc.assert(
      fc.property(bounds, strategy, z, (b, s, zz) => {
        const sc = scaleFor(b, s);
        const v = sc.from(zz);
        inside(b, v);
        if (sc.kind !== "log") expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is finite on the log scale while exp(z) is (z <= 700)", () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), finite(-1e308, 700), (min, z) => {
        const v = scaleFor({ min, max: null }, "log").from(z);
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 200 },
    );
  });

  it("logit: sends the ends of z to the bounds and 0 to the midpoint", () => {
    const s = scaleFor({ min: 0, max: 100 });
    expect(s.from(0)).toBe(50);
    expect(s.from(-1000)).toBe(0);
    expect(s.from(1000)).toBe(100);
    expect(s.from(Math.log(3))).toBeCloseTo(75, 12);
    expect(s.to(50)).toBe(0);
    expect(s.to(75)).toBeCloseTo(Math.log(3), 12);
  });
});

describe("scaleFor: to", () => {
  it("is monotone non-decreasing (inside and outside the bounds)", () => {
    const pair = bounds.chain((b) => {
      const x = fc.oneof(
        finite(-2e6, 2e6),
        fc.tuple(finite(0, 1), finite(-1e6, 1e6)).map(([u, f]) => valueIn(b, u, f)),
      );
      return fc.tuple(fc.constant(b), x, x);
    });
    fc.assert(
      fc.property(pair, strategy, ([b, x1, x2], s) => {
        const sc = scaleFor(b, s);
        const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
        expect(sc.to(lo)).toBeLessThanOrEqual(sc.to(hi));
      }),
      { numRuns: 300 },
    );
  });

  it("logit: is the clipped logit, finite even at the bounds", () => {
    const s = scaleFor({ min: 0, max: 1 });
    const edge = Math.log(LOGIT_EPSILON / (1 - LOGIT_EPSILON));
    expect(s.to(0)).toBeCloseTo(edge, 12);
    expect(s.to(1)).toBeCloseTo(-edge, 12);
    expect(s.to(-5)).toBe(s.to(0));
    expect(s.to(7)).toBe(s.to(1));
    expect(s.to(0.0005)).toBe(s.to(0));
    expect(s.to(0.2)).toBeCloseTo(Math.log(0.25), 12);
  });

  it("log strategy for ranks (min 1): log of the rank", () => {
    const s = scaleFor({ min: 1, max: null }, "log");
    for (const r of [1, 2, 3, 10, 57, 193, 1000, 123456]) {
      expect(s.to(r)).toBe(Math.log(r));
      expect(s.from(Math.log(r))).toBeCloseTo(r, 9);
    }
    expect(s.to(1)).toBe(0);
    expect(s.from(-10)).toBe(1);
  });

  it("log strategy above 0: log of the value plus 1e-3", () => {
    const s = scaleFor({ min: 0, max: null }, "log");
    expect(s.to(0)).toBeCloseTo(Math.log(1e-3), 12);
    expect(s.to(99.999)).toBeCloseTo(Math.log(100), 12);
    expect(s.from(Math.log(1e-3))).toBeCloseTo(0, 12);
    expect(s.from(-20)).toBe(0);
  });
});

describe("scaleFor: toExact", () => {
  it("is from's inverse strictly inside the bounds, also within epsilon of an end", () => {
    fc.assert(
      fc.property(bounds, strategy, finite(1e-9, 1 - 1e-9), finite(-1e6, 1e6), (b, s, u, f) => {
        const sc = scaleFor(b, s);
        const v = valueIn(b, u, f);
        fc.pre(v !== b.min && v !== b.max);
        const size =
          Math.abs(v) + (b.min === null ? 0 : Math.abs(b.min)) + (b.max === null ? 0 : Math.abs(b.max));
        expect(Math.abs(sc.from(sc.toExact(v)) - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, size));
        if (sc.kind !== "logit") expect(sc.toExact(v)).toBe(sc.to(v));
      }),
      { numRuns: 300 },
    );
  });

  it("logit: no epsilon, infinite at the bounds, monotone between them", () => {
    const s = scaleFor({ min: 0, max: 100 });
    expect(s.toExact(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(s.toExact(100)).toBe(Number.POSITIVE_INFINITY);
    expect(s.toExact(50)).toBe(0);
    expect(s.toExact(0.01)).toBeCloseTo(Math.log(1e-4 / (1 - 1e-4)), 12);
    expect(s.toExact(0.01)).toBeLessThan(s.to(0.01));
    expect(s.from(s.toExact(0.01))).toBeCloseTo(0.01, 12);
    expect(s.from(s.to(0.01))).toBeCloseTo(0.1, 12);
    fc.assert(
      fc.property(finite(0, 100), finite(0, 100), (a, c) => {
        const [lo, hi] = a <= c ? [a, c] : [c, a];
        expect(s.toExact(lo)).toBeLessThanOrEqual(s.toExact(hi));
      }),
      { numRuns: 200 },
    );
  });
});

describe("scaleFor: round trip", () => {
  it("from(to(v)) is v inside the epsilon-trimmed interior, the trimmed edge outside it", () => {
    fc.assert(
      fc.property(bounds, strategy, finite(0, 1), finite(-1e6, 1e6), (b, s, u, f) => {
        const sc = scaleFor(b, s);
        const v = valueIn(b, u, f);
        const back = sc.from(sc.to(v));
        const size =
          Math.abs(v) + (b.min === null ? 0 : Math.abs(b.min)) + (b.max === null ? 0 : Math.abs(b.max));
        const tol = 1e-9 * Math.max(1, size);
        if (sc.kind === "logit" && b.min !== null && b.max !== null) {
          const width = b.max - b.min;
          const lo = b.min + LOGIT_EPSILON * width;
          const hi = b.max - LOGIT_EPSILON * width;
          const expected = Math.min(hi, Math.max(lo, v));
          expect(Math.abs(back - expected)).toBeLessThanOrEqual(tol);
        } else {
          expect(Math.abs(back - v)).toBeLessThanOrEqual(tol);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("identity scales return the value unchanged", () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), (v) => {
        const s = scaleFor(NO_BOUNDS, "default");
        expect(s.to(v)).toBe(v);
        expect(s.from(v)).toBe(v);
        expect(scaleFor({ min: 0, max: 100 }, "clip").from(v)).toBe(clipTo({ min: 0, max: 100 }, v));
      }),
      { numRuns: 100 },
    );
  });

  it("clip of every scale is clipTo of its bounds", () => {
    fc.assert(
      fc.property(bounds, strategy, finite(-2e6, 2e6), (b, s, v) => {
        expect(scaleFor(b, s).clip(v)).toBe(clipTo(b, v));
      }),
      { numRuns: 100 },
    );
  });
});
