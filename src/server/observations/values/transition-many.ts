/**
 * One transition (submit, approve, return) of many values at once, as `transitionObservation`
 * makes it for one — status and version, the current revision closed and a new one opened — in a
 * fixed number of statements whatever the number of values. The caller commits the changes
 * (roll-ups, change batch) and audits, as for single transitions.
 */
import { and, inArray, sql } from "drizzle-orm";
import { pgArray } from "../../../db/arrays.js";
import type { Executor } from "../../../db/client.js";
import { observations } from "../../../db/schema/index.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { type ObservationRow, type Transition, transitions } from "./model.js";
import { changedSince } from "./transition.js";

/**
 * Moves `rows` (as read, with their versions) along `action`; answers them as they are now, in
 * the same order. Refuses all of them when one is in another state or has changed since it was read.
 * `batchId` marks the revisions written (`import_id`), for the batch's audit entry to list them.
 */
export async function transitionObservations(
  tx: Executor,
  rows: readonly ObservationRow[],
  action: Transition,
  ctx: ChangeContext,
  batchId: string | null = null,
): Promise<ObservationRow[]> {
  if (rows.length === 0) return [];
  const t = transitions[action];
  const wrong = rows.find((r) => !t.from.includes(r.status));
  if (wrong) throw new AppError("INVALID_STATE", { state: wrong.status, action });
  const now = new Date();
  const ids = pgArray(rows.map((r) => r.id));
  const versions = pgArray(rows.map((r) => r.version));
  const moved = await tx
    .update(observations)
    .set({
      status: t.to,
      version: sql`${observations.version} + 1`,
      updatedBy: ctx.actor,
      updatedAt: now,
      firstSubmittedAt: sql`coalesce(${observations.firstSubmittedAt}, ${t.to === "submitted" ? now.toISOString() : null}::timestamptz)`,
    })
    .where(
      and(
        sql`(${observations.id}, ${observations.version}) in (select * from unnest(${ids}::uuid[], ${versions}::int[]))`,
        inArray(observations.status, t.from),
      ),
    )
    .returning();
  if (moved.length !== rows.length) {
    const stale = rows.find((r) => !moved.some((m) => m.id === r.id)) as ObservationRow;
    throw await changedSince(tx, stale);
  }
  await tx.execute(sql`update observation_revisions set valid_to = ${now.toISOString()}::timestamptz
    where observation_id = any(${ids}::uuid[]) and valid_to is null`);
  const comment = action === "return" && ctx.reason ? ctx.reason : null;
  await tx.execute(sql`insert into observation_revisions (observation_id, version, value, value_bool, source, comment,
      evidence_url, status, changed_by, valid_from, import_id)
    select id, version, value, value_bool, source, coalesce(${comment}::text, comment), evidence_url, status,
      ${ctx.actor}, ${now.toISOString()}::timestamptz, ${batchId}::uuid
    from observations where id = any(${ids}::uuid[]) order by id`);
  const byId = new Map(moved.map((m) => [m.id, m]));
  return rows.map((r) => byId.get(r.id) as ObservationRow);
}
