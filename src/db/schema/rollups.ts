import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Roll-up cells: one mergeable summary per (indicator, unit, period, disaggregation, layer) over
 * the unit and every unit below it (its children, the former units merged into it, and for the
 * country root every unit). Maintained incrementally by the writing transaction (additive deltas;
 * min, max and latest are recomputed for a cell only when its extreme value is removed), and
 * rebuilt from scratch by `npm run cli -- rollup:rebuild`. Dashboards read these, never raw values.
 *
 * Layers: `approved` counts approved values only (official figures, what the public sees);
 * `reported` counts submitted and approved values (what reviewers see before approval). Drafts
 * never roll up. No foreign keys: this table is derived and rebuilt wholesale.
 */
export const rollupCells = pgTable(
  "rollup_cells",
  {
    indicatorId: uuid("indicator_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    period: text("period").notNull(),
    disaggKey: text("disagg_key").notNull().default(""),
    layer: text("layer").notNull(),
    count: integer("count").notNull(),
    sum: doublePrecision("sum").notNull(),
    weightSum: doublePrecision("weight_sum").notNull(),
    weightedSum: doublePrecision("weighted_sum").notNull(),
    min: doublePrecision("min"),
    max: doublePrecision("max"),
    latest: doublePrecision("latest"),
    /** Epoch milliseconds of the latest contribution's last change. */
    latestAt: doublePrecision("latest_at"),
    /** The unit's own value (reported for the unit itself): it takes precedence over the sum of parts. */
    ownCount: integer("own_count").notNull().default(0),
    ownSum: doublePrecision("own_sum").notNull().default(0),
    /** Set when the min, max or latest value was removed; cleared in the same transaction. */
    extremesStale: boolean("extremes_stale").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Keys led by the period: a month of new values adds its cells side by side at the end of the
    // index instead of one on each of ~150,000 index pages (see decision 0008).
    primaryKey({
      name: "rollup_cells_pkey",
      columns: [t.period, t.indicatorId, t.unitId, t.disaggKey, t.layer],
    }),
    index("rollup_cells_unit_idx").on(t.unitId, t.layer, t.period),
    index("rollup_cells_stale_idx").on(t.indicatorId).where(sql`${t.extremesStale}`),
  ],
);

export const rollupLayers = ["approved", "reported"] as const;
export type RollupLayer = (typeof rollupLayers)[number];

/**
 * Which cells a unit's values count toward: every (unit, ancestor) pair, the unit itself included,
 * over parent links, lineage (merged into, renamed to: former provinces count toward their
 * successors) and the country root. Derived from org units by `syncRollupClosure`, which also
 * moves the affected values' contributions when the hierarchy changes (a merge, a new parent).
 */
export const rollupClosure = pgTable(
  "rollup_closure",
  {
    unitId: uuid("unit_id").notNull(),
    ancestorId: uuid("ancestor_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "rollup_closure_pkey", columns: [t.unitId, t.ancestorId] }),
    index("rollup_closure_ancestor_idx").on(t.ancestorId, t.unitId),
  ],
);
