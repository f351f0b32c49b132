import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { indicators } from "./indicators.js";
import { orgUnits } from "./org-units.js";

/**
 * Values of indicators reported by units: one live row per (indicator, unit described, period,
 * disaggregation). Distribution key for a future Citus deployment: org_unit_id (no foreign keys
 * from other hot tables point here).
 */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    /** The unit the value describes. */
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** The unit that reported it (a statistics office may report a province's figure). */
    reporterUnitId: uuid("reporter_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    period: text("period").notNull(),
    periodKind: text("period_kind").notNull(),
    /** Category options, e.g. {"enterprise_size": "small"}; {} when not disaggregated. */
    disaggregation: jsonb("disaggregation").$type<Record<string, string>>().notNull().default({}),
    /** Canonical form of the disaggregation ("" when none), part of the key. */
    disaggKey: text("disagg_key").notNull().default(""),
    value: numeric("value", { mode: "number" }),
    valueBool: boolean("value_bool"),
    status: text("status").notNull().default("draft"),
    source: text("source"),
    comment: text("comment"),
    evidenceUrl: text("evidence_url"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** When the value was first submitted (for lateness against the due rule); kept across revisions. */
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    /** Weight this value counts with in weighted-mean roll-ups (the weight indicator's value for the same cell). */
    rollupWeight: doublePrecision("rollup_weight"),
  },
  (t) => [
    // Led by the period, like the roll-up cells' key: values arrive a period at a time (decision 0008).
    uniqueIndex("observations_cell_key")
      .on(t.period, t.indicatorId, t.orgUnitId, t.disaggKey)
      .where(sql`${t.deletedAt} is null`),
    index("observations_unit_idx").on(t.orgUnitId, t.period, t.indicatorId),
    index("observations_reporter_idx").on(t.reporterUnitId, t.status),
    check("observations_status_valid", sql`${t.status} in ('draft','submitted','approved')`),
    check("observations_one_value", sql`num_nonnulls(${t.value}, ${t.valueBool}) = 1`),
  ],
);

/**
 * Every state a value has had, with the interval it was current: reads "as of" a time return the
 * revision valid then, so a quarterly report's figures can be reproduced later.
 */
export const observationRevisions = pgTable(
  "observation_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    value: numeric("value", { mode: "number" }),
    valueBool: boolean("value_bool"),
    status: text("status").notNull(),
    source: text("source"),
    comment: text("comment"),
    evidenceUrl: text("evidence_url"),
    deleted: boolean("deleted").notNull().default(false),
    changedBy: text("changed_by").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true, precision: 6 }).notNull(),
    validTo: timestamp("valid_to", { withTimezone: true, precision: 6 }),
    /** The import (value_imports.id) that wrote this revision: its audit entry lists the rows by it. */
    importId: uuid("import_id"),
  },
  (t) => [
    // Also serves reads as of a time: an id's few revisions are filtered by validity.
    uniqueIndex("observation_revisions_key").on(t.observationId, t.version),
    index("observation_revisions_import_idx").on(t.importId).where(sql`${t.importId} is not null`),
  ],
);

/**
 * Imports of values (bulk JSON, CSV, XLSX): one row per committed import, keyed by the client's
 * idempotency key, so a retried upload returns the first result instead of writing twice.
 */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull(),
    actor: text("actor").notNull(),
    payloadHash: text("payload_hash").notNull(),
    format: text("format").notNull(),
    rowCount: integer("row_count").notNull(),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("import_batches_key").on(t.actor, t.idempotencyKey)],
);

/**
 * Committed changes, announced through NOTIFY (the payload is this id: NOTIFY carries at most
 * 8,000 bytes) and replayed to event-stream clients that reconnect with Last-Event-ID.
 */
export const changeBatches = pgTable("change_batches", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  kind: text("kind").notNull(),
  /** What changed, with what each reader's access check needs. */
  items: jsonb("items").$type<ChangeItem[]>().notNull(),
});

export interface ChangeItem {
  observationId: string;
  indicator: string;
  indicatorId: string;
  unit: string;
  orgUnitId: string;
  reporterUnitId: string;
  period: string;
  status: string;
  published: boolean;
  responsibleUnitId: string | null;
  planIds: string[];
  systemIds: string[];
  /** Codes of the KPIs, targets and objectives this value feeds (up the indicator links). */
  feeds?: string[];
  /** Codes of the systems of the indicator and of what it feeds. */
  systems?: string[];
}

/**
 * A file or bulk upload on its way in. Rows are checked as they stream and staged in
 * `import_rows`, so a large file is never held in memory; the staged rows are then applied
 * set-wise. On PostgreSQL the apply is one transaction; on the embedded database it commits in
 * chunks so other requests are answered between them, and an import that does not finish
 * (`applying` at start-up, or a failed chunk) is reverted from the previous values kept with its
 * rows — all or nothing for the uploader either way.
 */
export const valueImports = pgTable("value_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  actor: text("actor").notNull(),
  /** staging → applying → done, or failed / reverted. */
  state: text("state").notNull().default("staging"),
  /** The status the values are written with (draft, or submitted when entered and submitted in one step). */
  status: text("status").notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  /** Staged rows (by `seq`) already applied: what a revert takes back. */
  appliedRows: integer("applied_rows").notNull().default(0),
  /** The time every value of the import carries as its change time. */
  writtenAt: timestamp("written_at", { withTimezone: true }),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const importRows = pgTable(
  "import_rows",
  {
    // No foreign key: it would be checked once per staged row; the rows are removed with their
    // import by the code that removes it.
    importId: uuid("import_id").notNull(),
    /** Order of staging, 0-based: chunks are ranges of it. */
    seq: integer("seq").notNull(),
    /** The row as the uploader sees it (a file's header is row 1). */
    rowNo: integer("row_no").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    orgUnitId: uuid("org_unit_id").notNull(),
    reporterUnitId: uuid("reporter_unit_id").notNull(),
    period: text("period").notNull(),
    periodKind: text("period_kind").notNull(),
    disaggregation: jsonb("disaggregation").$type<Record<string, string>>().notNull(),
    disaggKey: text("disagg_key").notNull(),
    value: numeric("value"),
    valueBool: boolean("value_bool"),
    source: text("source"),
    comment: text("comment"),
    evidenceUrl: text("evidence_url"),
    expectedVersion: integer("expected_version"),
    /** Set when applied: the value written, what happened, and the value as it was before. */
    observationId: uuid("observation_id"),
    outcome: text("outcome"),
    rollupWeight: doublePrecision("rollup_weight"),
    previous: jsonb("previous").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
