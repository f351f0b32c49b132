/**
 * `transitionObservations` (many values at once, used by the demo's approvals) leaves values and
 * revisions as `transitionObservation` does one by one, and refuses all when one is stale.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/client.js";
import { commitObservationChanges } from "../../src/server/observations/values/commit.js";
import type { ObservationRow } from "../../src/server/observations/values/model.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { transitionObservation } from "../../src/server/observations/values/transition.js";
import { transitionObservations } from "../../src/server/observations/values/transition-many.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { backends, openTestDatabase } from "../helpers/db.js";

const ctx = { actor: "test-reviewer", reason: "checked" };

describe.each(backends())("transitions of many values on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function submitted(periods: string[]): Promise<ObservationRow[]> {
    const inputs = periods.map((period, i) => ({
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period,
      value: 100 + i,
      comment: `month ${period}`,
    }));
    const refs = await loadRefs(database.db, inputs);
    return database.db.transaction(async (tx) => {
      const rows: ObservationRow[] = [];
      for (const input of inputs)
        rows.push((await writeObservation(tx, input, refs, ctx, undefined, "submitted")).row);
      await commitObservationChanges(
        tx,
        rows.map((after) => ({ after })),
      );
      return rows;
    });
  }

  const revisions = (ids: string[]) =>
    queryRows<{ observation_id: string; version: number; status: string; comment: string; open: boolean }>(
      database.db,
      sql`select observation_id, version, status, comment, valid_to is null as open from observation_revisions
        where observation_id = any(${`{${ids.join(",")}}`}::uuid[]) order by observation_id, version`,
    );

  it("approves as one-by-one transitions do: status, version, revisions, roll-ups", async () => {
    const [one, ...many] = await submitted(["2026-01", "2026-02", "2026-03"]);
    if (!one) throw new Error("no rows");
    const approved = await database.db.transaction(async (tx) => {
      const single = await transitionObservation(tx, one, "approve", ctx);
      const set = await transitionObservations(tx, many, "approve", ctx);
      await commitObservationChanges(tx, [
        { before: one, after: single },
        ...many.map((before, i) => ({ before, after: set[i] as ObservationRow })),
      ]);
      return [single, ...set];
    });
    expect(approved.map((r) => [r.status, r.version, r.updatedBy])).toEqual(
      Array(3).fill(["approved", 2, "test-reviewer"]),
    );
    const revs = await revisions(approved.map((r) => r.id));
    const shape = (id: string) =>
      revs.filter((r) => r.observation_id === id).map(({ observation_id: _, ...r }) => r);
    for (const r of approved)
      expect(shape(r.id)).toEqual([
        { version: 1, status: "submitted", comment: `month ${r.period}`, open: false },
        { version: 2, status: "approved", comment: `month ${r.period}`, open: true },
      ]);
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
  });

  it("refuses all when one value changed since it was read, or is not in a state to move from", async () => {
    const rows = await submitted(["2026-04", "2026-05"]);
    const [first, second] = rows as [ObservationRow, ObservationRow];
    // Someone approved the second meanwhile: the rows read before are stale.
    await database.db.transaction((tx) => transitionObservation(tx, second, "approve", ctx));
    await expect(
      database.db.transaction((tx) => transitionObservations(tx, [first, second], "approve", ctx)),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    const [now] = await queryRows<{ status: string; version: number }>(
      database.db,
      sql`select status, version from observations where id = ${first.id}`,
    );
    expect(now).toEqual({ status: "submitted", version: 1 });
    await expect(
      database.db.transaction((tx) =>
        transitionObservations(tx, [{ ...first, status: "draft" }], "approve", ctx),
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
