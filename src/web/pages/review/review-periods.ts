/**
 * The period filter's choices: recent months, quarters, half-years and years, newest first, with
 * the one in the URL kept even when older. Pure (the clock is passed in).
 */
import { formatPeriod, type PeriodKind, previous } from "../../../domain/periods.js";
import { currentPeriod } from "../../../domain/value-rules.js";

/** How far back each kind goes: two years of months, and the same span of the longer periods. */
const BACK: Record<PeriodKind, number> = { month: 24, quarter: 8, half_year: 4, year: 3 };

export interface PeriodGroup {
  kind: PeriodKind;
  codes: string[];
}

export function periodChoices(now: Date, chosen?: string): PeriodGroup[] {
  const groups = (Object.keys(BACK) as PeriodKind[]).map((kind) => {
    const codes: string[] = [];
    let p = currentPeriod(kind, now);
    for (let k = 0; k < BACK[kind]; k++) {
      codes.push(formatPeriod(p));
      p = previous(p);
    }
    return { kind, codes };
  });
  if (chosen && !groups.some((g) => g.codes.includes(chosen))) {
    const kind: PeriodKind = /-Q/.test(chosen)
      ? "quarter"
      : /-H/.test(chosen)
        ? "half_year"
        : /-\d\d$/.test(chosen)
          ? "month"
          : "year";
    groups.find((g) => g.kind === kind)?.codes.push(chosen);
  }
  return groups;
}
