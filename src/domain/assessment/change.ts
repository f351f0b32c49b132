/**
 * The yearly change a target needs against the one the series shows: the plain-words check a
 * reader can do in their head ("needs +1.8 points a year, the last 5 years gave +0.6").
 */
import { type Point, stepOf } from "./forecast.js";

export interface YearlyChange {
  /** Change per year from the latest value to the target at the end of its year (null: no time left). */
  needed: number | null;
  /** Change per year over the last (up to) OBSERVED_YEARS years (null: a single point). */
  observed: number | null;
  /** The years `observed` spans. */
  observedYears: number | null;
}

export const OBSERVED_YEARS = 5;

export function changeNeeded(points: readonly Point[], goal: number, year: number): YearlyChange {
  const latest = points[points.length - 1];
  if (!latest) return { needed: null, observed: null, observedYears: null };
  const left = year + 1 - stepOf(points) / 2 - latest.t;
  const needed = left > 1e-9 ? (goal - latest.v) / left : null;
  const from = points.find((p) => p.t >= latest.t - OBSERVED_YEARS - 1e-9 && p.t < latest.t);
  if (!from) return { needed, observed: null, observedYears: null };
  const span = latest.t - from.t;
  return { needed, observed: (latest.v - from.v) / span, observedYears: Math.round(span * 10) / 10 };
}
