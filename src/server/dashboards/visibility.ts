/** What a caller may not see of a plan's indicators at one unit and layer: left out, and said so. */
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { allows, canReadRollup } from "../access/index.js";
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

/**
 * Indicators whose very definition the caller may not read (unpublished ones, for the public and
 * proposers): left out of an answer altogether — neither listed nor named in a reason.
 */
export function unreadableFor(p: Principal, cat: Catalogue) {
  return (code: string) => {
    const ind = cat.byCode.get(code);
    return ind !== undefined && !allows(p, "indicator.read", { code, published: ind.published });
  };
}
