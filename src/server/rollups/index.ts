/** The public face of the rollups module: other modules import only what is here. */
export {
  applyContributionChanges,
  applyDeltaTable,
  applyValueChanges,
  lockClosureShared,
  startDeltas,
} from "./apply.js";
export { compareWithRebuild, rebuildIndicatorRollups, rebuildRollups, syncRollupClosure } from "./rebuild.js";
