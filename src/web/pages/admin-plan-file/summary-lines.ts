/**
 * What a dry run (or an import) reports, as lines to put in words: the plan created, updated or
 * unchanged, then each count the summary holds, in a fixed order. The structure counts are the
 * items the file names (created or updated, by code); indicators and targets say which.
 */
export interface PlanFileOutcome {
  plan: string;
  created: boolean;
  unchanged: boolean;
  counts: Record<string, number>;
}

export type Headline = "created" | "updated" | "unchanged";

/** The counts in the order the page lists them, each with its key in the strings (summary.counts.*). */
export const COUNT_ORDER = [
  "phases",
  "systems",
  "initiatives",
  "projects",
  "tasks",
  "roles",
  "indicatorsCreated",
  "indicatorsUpdated",
  "indicatorsUnchanged",
  "targetsCreated",
  "targetsUpdated",
  "linkedIndicators",
] as const;

export type CountKey = (typeof COUNT_ORDER)[number];

export function headline(s: PlanFileOutcome): Headline {
  if (s.created) return "created";
  return s.unchanged ? "unchanged" : "updated";
}

/**
 * The counts worth a line: zeros are left out (a plan without projects need not say "0
 * projects"), and counts the page does not know yet are kept, by their own key, at the end.
 */
export function countLines(s: PlanFileOutcome): { key: string; known: boolean; count: number }[] {
  const known: readonly string[] = COUNT_ORDER;
  const lines = COUNT_ORDER.filter((k) => (s.counts[k] ?? 0) > 0).map((k) => ({
    key: k as string,
    known: true,
    count: s.counts[k] ?? 0,
  }));
  for (const [k, v] of Object.entries(s.counts))
    if (!known.includes(k) && v > 0) lines.push({ key: k, known: false, count: v });
  return lines;
}
