/** What a caller may not see of a plan's indicators at one unit and layer: left out, and said so. */
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { canReadRollup } from "../access/index.js";
import type { Catalogue } from "./load.js";

export function hiddenFor(p: Principal, cat: Catalogue, unitId: string, layer: Layer) {
  return (code: string) => {
    const ind = cat.byCode.get(code);
    if (!ind) return false;
    return !canReadRollup(
      p,
      { planId: cat.planId, published: ind.published, systemIds: ind.systemIds, unitId, indicatorCode: code },
      layer,
    );
  };
}
