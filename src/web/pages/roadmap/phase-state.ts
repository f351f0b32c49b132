/** Whether a phase is past, current or still ahead in a given year. */
export type PhaseState = "past" | "current" | "future";

export function phaseState(startYear: number, endYear: number, year: number): PhaseState {
  if (year < startYear) return "future";
  if (year > endYear) return "past";
  return "current";
}
