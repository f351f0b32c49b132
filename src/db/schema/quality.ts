import {
  bigint,
  boolean,
  doublePrecision,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Data-quality summaries (decision 0012), so the data-quality answer reads one period's facts
 * instead of scanning values. Derived and rebuildable: no foreign keys.
 *
 * `quality_reporters`: for each (indicator, unit, length of the period code), the first period the
 * unit reported (any disaggregation, any status, not deleted) — "has reported since", which makes
 * a unit expected in every later period. Kept exact by statement triggers on `observations`
 * (src/db/sql/quality-summary.sql).
 */
export const qualityReporters = pgTable(
  "quality_reporters",
  {
    indicatorId: uuid("indicator_id").notNull(),
    periodLength: smallint("period_length").notNull(),
    orgUnitId: uuid("org_unit_id").notNull(),
    firstPeriod: text("first_period").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.periodLength, t.orgUnitId] })],
);

/**
 * `quality_marks`: the last transaction (`txid_current()`) that wrote a value, or a revision of
 * one, of an (indicator, period). Written by the same triggers; a group computed from a snapshot
 * whose xmin is not above every mark at or before its period is stale.
 */
export const qualityMarks = pgTable(
  "quality_marks",
  {
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    xid: bigint("xid", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/**
 * `quality_unit_marks`: the same for small writes (a statement of at most a thousand rows), per
 * (indicator, length of the period code, unit): the last transaction that wrote a value or a
 * revision of the unit's, and the earliest period any of its writes touched (kept the least, so
 * no write is forgotten while a later one lands). A computed group is brought up to date by
 * recomputing only the units marked since its snapshot, at or before its period (decision 0012,
 * "facts that follow the write"); bulk writes mark the (indicator, period) instead. One row per
 * unit and indicator at most: no pruning needed.
 */
export const qualityUnitMarks = pgTable(
  "quality_unit_marks",
  {
    indicatorId: uuid("indicator_id").notNull(),
    periodLength: smallint("period_length").notNull(),
    orgUnitId: uuid("org_unit_id").notNull(),
    fromPeriod: text("from_period").notNull(),
    xid: bigint("xid", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.periodLength, t.orgUnitId] }),
    // The read asks for the units marked since a snapshot: recent xids only.
    index("quality_unit_marks_recent_idx").on(t.indicatorId, t.xid),
  ],
);

/**
 * `quality_groups`: an (indicator, period) whose facts are in `quality_values`, with the snapshot
 * xmin and the definitions version they were computed at. Computed on first read and again when
 * a mark or the definitions version says something it depends on changed.
 */
export const qualityGroups = pgTable(
  "quality_groups",
  {
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    snapshotXmin: bigint("snapshot_xmin", { mode: "number" }).notNull(),
    definitionsVersion: bigint("definitions_version", { mode: "number" }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/**
 * `quality_values`: per (indicator, period, unit) of a computed group, whether the unit is
 * expected (it reported an earlier period and exists in the period's year) and its value of the
 * period without disaggregation if any: status, first submission, whether it was revised since,
 * and its robust z-score against its own last twelve periods. Facts of one unit only: the score
 * against its peers changes with every peer's value, so the read computes it from the group's
 * values (decision 0012) instead of rewriting every row of a group after one write.
 */
export const qualityValues = pgTable(
  "quality_values",
  {
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    orgUnitId: uuid("org_unit_id").notNull(),
    expected: boolean("expected").notNull(),
    observationId: uuid("observation_id"),
    reporterUnitId: uuid("reporter_unit_id"),
    status: text("status"),
    value: numeric("value"),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    revised: boolean("revised").notNull().default(false),
    zOwn: doublePrecision("z_own"),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.orgUnitId] })],
);
