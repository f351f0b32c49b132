/**
 * The plan as an outline: systems (by number) → their initiatives (by number) → the indicators
 * assigned to each, grouped by tier (objective, target, KPI, operational). An indicator assigned to
 * a system but to none of its initiatives sits under the system itself; one assigned to no system
 * of the plan under "other indicators". Retired items are left out unless asked for.
 */
export const TIERS = ["objective", "target", "kpi", "operational"] as const;
export type Tier = (typeof TIERS)[number];

export interface OutlineSystem {
  code: string;
  number: number;
  retired: boolean;
}
export interface OutlineInitiative {
  code: string;
  number: number;
  system: string;
  retired: boolean;
}
export interface OutlineIndicator {
  code: string;
  tier: Tier;
  systems: string[];
  initiatives: string[];
  retired: boolean;
}

export interface TierGroup<I> {
  tier: Tier;
  items: I[];
}

export interface Outline<S, N, I> {
  systems: {
    system: S;
    initiatives: { initiative: N; indicators: TierGroup<I>[] }[];
    indicators: TierGroup<I>[];
  }[];
  /** Indicators of the plan assigned to none of its (shown) systems. */
  loose: TierGroup<I>[];
}

function byTier<I extends OutlineIndicator>(items: I[]): TierGroup<I>[] {
  return TIERS.map((tier) => ({
    tier,
    items: items.filter((i) => i.tier === tier).sort((a, b) => a.code.localeCompare(b.code)),
  })).filter((g) => g.items.length > 0);
}

const byNumber = (a: { number: number; code: string }, b: { number: number; code: string }) =>
  a.number - b.number || a.code.localeCompare(b.code);

export function planOutline<S extends OutlineSystem, N extends OutlineInitiative, I extends OutlineIndicator>(
  systems: readonly S[],
  initiatives: readonly N[],
  indicators: readonly I[],
  showRetired = false,
): Outline<S, N, I> {
  const keep = <T extends { retired: boolean }>(x: T) => showRetired || !x.retired;
  const shownSystems = systems.filter(keep).sort(byNumber);
  const shownInitiatives = initiatives.filter(keep).sort(byNumber);
  const shownIndicators = indicators.filter(keep);
  const placed = new Set<string>();
  const out = shownSystems.map((system) => {
    const own = shownInitiatives.filter((n) => n.system === system.code);
    const ownCodes = new Set(own.map((n) => n.code));
    const inSystem = shownIndicators.filter((i) => i.systems.includes(system.code));
    for (const i of inSystem) placed.add(i.code);
    return {
      system,
      initiatives: own.map((initiative) => {
        const items = shownIndicators.filter((i) => i.initiatives.includes(initiative.code));
        for (const i of items) placed.add(i.code);
        return { initiative, indicators: byTier(items) };
      }),
      indicators: byTier(inSystem.filter((i) => !i.initiatives.some((c) => ownCodes.has(c)))),
    };
  });
  return { systems: out, loose: byTier(shownIndicators.filter((i) => !placed.has(i.code))) };
}
