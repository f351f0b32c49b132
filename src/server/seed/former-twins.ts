/**
 * Units that earlier versions of the bundled seed defined and this one does not: the 11
 * province-level units that Resolution 202/2025/QH15 left as they were were modelled as a new unit
 * from 1 July 2025 plus an `OLD-` twin "merged into" it. They are one unit each now, valid before
 * and after 2025 (decision 0004). A database seeded by an earlier version still holds the twins;
 * the seed converges it at every start:
 *
 * - a twin nothing refers to (no value, grant, user, token, target, profile, focal person, child
 *   or lineage other than its own link to the unit) is removed, with an audit entry;
 * - a twin something refers to is left exactly as it was (a former unit merged into the unit, so
 *   its values keep counting there) and named in the seed's result, for an administrator to
 *   resolve: removing it would lose what refers to it, and moving values between units is not a
 *   seed's decision.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { syncRollupClosure } from "../rollups/index.js";
import { cascadingUses, unitsWithMergeTarget } from "./queries.js";

/** The twins of earlier seeds, each with the unit it is the same province as. */
export const FORMER_TWINS: readonly { code: string; unit: string }[] = [
  "HA-NOI",
  "HUE",
  "LAI-CHAU",
  "DIEN-BIEN",
  "SON-LA",
  "LANG-SON",
  "QUANG-NINH",
  "THANH-HOA",
  "NGHE-AN",
  "HA-TINH",
  "CAO-BANG",
].map((unit) => ({ code: `OLD-${unit}`, unit }));

export interface FormerTwins {
  removed: string[];
  /** Twins left in place because something refers to them. */
  kept: string[];
}

const ctx: ChangeContext = {
  actor: "system:seed",
  reason: "Bundled org units: a province not merged in 2025 is one unit (no OLD- twin)",
};

/** Removes the unused twins of earlier seeds; answers undefined when the database has none. */
export async function convergeFormerTwins(db: Db): Promise<FormerTwins | undefined> {
  const codes = FORMER_TWINS.map((t) => t.code);
  const present = await unitsWithMergeTarget(db, codes);
  if (present.length === 0) return undefined;
  const out: FormerTwins = { removed: [], kept: [] };
  for (const twin of present) {
    const expected = FORMER_TWINS.find((t) => t.code === twin.code)?.unit;
    // Only a twin still as the seed made it: an administrator may have given the code another meaning.
    if (twin.unit !== expected || !(await removeIfUnused(db, twin.id, twin.code, twin.unit)))
      out.kept.push(twin.code);
    else out.removed.push(twin.code);
  }
  return out;
}

/** A foreign-key violation (23503), however deep the driver wrapped it. */
function violatesForeignKey(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23503") return true;
  return false;
}

async function removeIfUnused(db: Db, id: string, code: string, unit: string): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      // References that would be deleted with the unit (cascades) count as uses too.
      if ((await cascadingUses(tx, id)) > 0) return false;
      // Every other reference (values, grants, users, tokens, targets, plans' lead units) is a
      // foreign key without cascade: the delete fails on any of them, and nothing is removed.
      await tx.execute(sql`delete from org_units where id = ${id}::uuid`);
      await syncRollupClosure(tx);
      await tx.execute(sql`delete from rollup_cells where unit_id = ${id}::uuid`);
      await audit(tx, ctx, {
        action: "org_units.remove_twin",
        entityType: "org_unit",
        entityId: code,
        before: { code, mergedInto: unit },
      });
      return true;
    });
  } catch (err) {
    if (violatesForeignKey(err)) return false;
    throw err;
  }
}
