/**
 * A unit's timeline: when it began, the units merged into it or split from it, what it merged into
 * or was renamed to, and when it ended — by date, the links of one day together (three provinces
 * merging into one on 2025-07-01 are one step). Tested in test/web/admin-org-units-lineage.test.ts.
 */

export type LineageKind = "merged_into" | "split_from" | "renamed_to";

export interface LineageLink {
  kind: LineageKind;
  unit: string;
  name: { vi: string; en: string | null } | null;
  effectiveOn: string;
  note?: { vi: string; en: string | null } | null;
}

export interface LineageUnit {
  validFrom: string | null;
  validTo: string | null;
  predecessors: readonly LineageLink[];
  successors: readonly LineageLink[];
}

/**
 * One thing that happened: the unit's own start or end, or links with other units. `in` links are
 * other units' changes into this one (they merged into it, were split from it, were renamed to it);
 * `out` links are this unit's own.
 */
export type TimelineEvent =
  | { type: "start" | "end"; date: string }
  | { type: "link"; direction: "in" | "out"; kind: LineageKind; date: string; links: LineageLink[] };

export interface TimelineStep {
  date: string;
  events: TimelineEvent[];
}

/** Order of events on one day: the start, what came in, what went out, the end. */
const rank = (e: TimelineEvent) =>
  e.type === "link" ? (e.direction === "in" ? 1 : 2) : e.type === "start" ? 0 : 3;

export function timeline(u: LineageUnit): TimelineStep[] {
  const events: TimelineEvent[] = [];
  const groups = new Map<string, Extract<TimelineEvent, { type: "link" }>>();
  const addLinks = (direction: "in" | "out", links: readonly LineageLink[]) => {
    for (const l of links) {
      const key = `${direction}|${l.kind}|${l.effectiveOn}`;
      const g = groups.get(key);
      if (g) g.links.push(l);
      else {
        const e = { type: "link" as const, direction, kind: l.kind, date: l.effectiveOn, links: [l] };
        groups.set(key, e);
        events.push(e);
      }
    }
  };
  if (u.validFrom) events.push({ type: "start", date: u.validFrom });
  addLinks("in", u.predecessors);
  addLinks("out", u.successors);
  if (u.validTo) events.push({ type: "end", date: u.validTo });
  for (const g of groups.values()) g.links.sort((a, b) => a.unit.localeCompare(b.unit));

  const steps = new Map<string, TimelineStep>();
  for (const e of events) {
    const s = steps.get(e.date);
    if (s) s.events.push(e);
    else steps.set(e.date, { date: e.date, events: [e] });
  }
  const out = [...steps.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const s of out) s.events.sort((a, b) => rank(a) - rank(b));
  return out;
}

/** The string key of an event's sentence: "in.merged_into" reads "{units} merged into this unit". */
export function eventKey(e: TimelineEvent): string {
  return e.type === "link" ? `${e.direction}.${e.kind}` : e.type;
}
