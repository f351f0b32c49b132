/**
 * The back-test's fixtures and cases (PROTOCOL.md): real series cut at every second year, short
 * windows before each cut, outcomes 1–6 years after it, and the targets judged at each outcome.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Point } from "../../src/domain/assessment/forecast.js";
import { progressClass } from "../../src/domain/assessment/progress-class.js";
import type { ValueBounds } from "../../src/domain/assessment/scale.js";
import { type Comparator, meets, type TargetSpec } from "../../src/domain/assessment/target.js";

export interface Fixture {
  id: string;
  title: string;
  kind: "share" | "index" | "count" | "level" | "rank" | "rate";
  unit: string;
  higherIsBetter: boolean;
  bounds: { min: number | null; max: number | null; rankedCount?: number | null };
  values: { year: number; value: number }[];
  targets?: { year: number; comparator: Comparator; value: number }[];
}

export const WINDOWS = [4, 7, 10] as const;
export const MAX_HORIZON = 6;

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Fixture);
}

export function boundsOf(f: Fixture): ValueBounds {
  const max = f.kind === "rank" ? (f.bounds.rankedCount ?? f.bounds.max) : f.bounds.max;
  return { min: f.bounds.min, max: max ?? null };
}

export interface Outcome {
  year: number;
  h: number;
  value: number;
}

export interface Judged {
  target: TargetSpec;
  reached: boolean;
  real: boolean;
}

export interface Case {
  series: string;
  fixture: Fixture;
  window: number;
  originYear: number;
  train: Point[];
  outcomes: Outcome[];
  /** Targets per outcome year. */
  targets: Map<number, Judged[]>;
}

const point = (year: number, v: number): Point => ({ t: year + 0.5, v });

/** The two targets either side of an outcome (±10 %, ranks ±5 places), and any real target of that year. */
function targetsAt(f: Fixture, o: Outcome): Judged[] {
  const out: Judged[] = [];
  const unit = f.unit;
  if (f.kind === "rank") {
    const spec = (value: number): TargetSpec => ({
      kind: "rank",
      comparator: "top",
      year: o.year,
      value,
      unit,
    });
    out.push({ target: spec(o.value - 5), reached: false, real: false });
    out.push({ target: spec(o.value + 5), reached: true, real: false });
  } else {
    const cmp: Comparator = f.higherIsBetter ? ">=" : "<=";
    const spec = (value: number): TargetSpec => ({
      kind: "value",
      comparator: cmp,
      year: o.year,
      value,
      unit,
    });
    const up = o.value * 1.1;
    const down = o.value * 0.9;
    out.push({ target: spec(f.higherIsBetter ? up : down), reached: false, real: false });
    out.push({ target: spec(f.higherIsBetter ? down : up), reached: true, real: false });
  }
  for (const t of f.targets ?? []) {
    if (t.year !== o.year) continue;
    const spec: TargetSpec = {
      kind: f.kind === "rank" ? "rank" : "value",
      comparator: t.comparator,
      year: t.year,
      value: t.value,
      unit,
    };
    out.push({ target: spec, reached: meets(spec, o.value), real: true });
  }
  return out;
}

export function casesOf(f: Fixture): Case[] {
  const vs = [...f.values].sort((a, b) => a.year - b.year);
  const out: Case[] = [];
  const first = vs[0]?.year ?? 0;
  for (let i = 0; i < vs.length - 1; i++) {
    const origin = vs[i] as { year: number; value: number };
    if ((origin.year - first) % 2 !== 0) continue;
    for (const w of WINDOWS) {
      if (i + 1 < w) continue;
      const train = vs.slice(i + 1 - w, i + 1).map((v) => point(v.year, v.value));
      const outcomes = vs
        .filter((v) => v.year > origin.year && v.year <= origin.year + MAX_HORIZON)
        .map((v) => ({ year: v.year, h: v.year - origin.year, value: v.value }));
      if (outcomes.length === 0) continue;
      const targets = new Map(outcomes.map((o) => [o.year, targetsAt(f, o)]));
      out.push({ series: f.id, fixture: f, window: w, originYear: origin.year, train, outcomes, targets });
    }
  }
  return out;
}

/** Statistics Canada's rule: met already, or observed over required compound growth since the window's start >= 0.95. */
export function statCanVerdict(train: readonly Point[], t: TargetSpec): boolean {
  const c = progressClass(t, train).class;
  return c === "target_achieved" || c === "substantial_progress";
}

/** The naive rule: the latest value already meets the target. */
export function naiveVerdict(train: readonly Point[], t: TargetSpec): boolean {
  return meets(t, (train[train.length - 1] as Point).v);
}
