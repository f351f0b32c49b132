/**
 * Names for the codes a list row carries: the plan's indicators (name, unit of measure) and every
 * org unit, each one cached request shared with other pages (the map panel, the drill-downs).
 */
import { useMemo } from "react";
import { usePlanIndicators } from "../../api/plans.js";
import type { Bilingual } from "../system/drill-shared.js";

export interface IndicatorInfo {
  name: Bilingual;
  unit: Bilingual | null;
  tier: string;
}

export function useIndicatorInfo(plan: string): {
  byCode: Map<string, IndicatorInfo>;
  list: { code: string; info: IndicatorInfo }[];
} {
  const indicators = usePlanIndicators(plan, { limit: 1000 });
  return useMemo(() => {
    const list = (indicators.data?.items ?? []).map((i) => ({
      code: i.code,
      info: { name: i.name, unit: i.unit ?? null, tier: i.tier },
    }));
    return { byCode: new Map(list.map((x) => [x.code, x.info])), list };
  }, [indicators.data]);
}
