/**
 * What every committed change of values does in its transaction: update the roll-up cells and
 * record the change batch that the event stream announces.
 */
import type { Executor } from "../../../db/client.js";
import { recordObservationChanges } from "../../events/index.js";
import { applyValueChanges } from "../../rollups/index.js";
import type { ObservationRow } from "./model.js";

export interface ObservationChange {
  /** The row before the change (absent for a new value). */
  before?: ObservationRow | undefined;
  after: ObservationRow;
}

export async function commitObservationChanges(
  tx: Executor,
  changes: readonly ObservationChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await applyValueChanges(
    tx,
    changes.map((c) => ({ before: c.before ?? null, after: c.after })),
  );
  await recordObservationChanges(
    tx,
    changes.map((c) => c.after),
  );
}
