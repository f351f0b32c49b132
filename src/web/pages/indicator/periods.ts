/** Which periods the unit and quality tabs offer: those of the national series, newest first. */
export interface PointLike {
  period: string;
  value: number | null;
}

/** The periods of the series, newest first (at most `max`). */
export function periodChoices(points: readonly PointLike[], max = 24): string[] {
  return [...new Set(points.map((p) => p.period))].sort().reverse().slice(0, max);
}

/** The newest period with a value; else the newest period; else null. */
export function defaultPeriod(points: readonly PointLike[]): string | null {
  const withValue = points.filter((p) => p.value !== null).map((p) => p.period);
  return withValue.sort().at(-1) ?? periodChoices(points)[0] ?? null;
}
