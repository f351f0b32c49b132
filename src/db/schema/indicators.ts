import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnits } from "./org-units.js";
import { initiatives, plans, projects, systems } from "./plans.js";

/** The one indicator catalogue shared by all plans (four tiers: objective, target, kpi, operational). */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    tier: text("tier").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    definitionVi: text("definition_vi"),
    definitionEn: text("definition_en"),
    /** Unit of measure in Vietnamese ("tỷ đồng"); `unit_en` its English form ("billion VND"), if given. */
    unit: text("unit"),
    unitEn: text("unit_en"),
    direction: text("direction").notNull(),
    kind: text("kind").notNull(),
    baselineValue: numeric("baseline_value", { mode: "number" }),
    baselineYear: integer("baseline_year"),
    dataSourceVi: text("data_source_vi"),
    dataSourceEn: text("data_source_en"),
    responsibleUnitId: uuid("responsible_unit_id").references(() => orgUnits.id),
    /**
     * Who reports a value cell: `unit` — each unit its own; `responsible` — the responsible unit
     * for every unit (a ministry or the statistics office reporting each province's figure).
     */
    reportedBy: text("reported_by").notNull().default("unit"),
    /** Values outside [boundMin, boundMax] are refused (counts >= 0, shares 0-100, indices 0-1, ranks >= 1). */
    boundMin: numeric("bound_min", { mode: "number" }),
    boundMax: numeric("bound_max", { mode: "number" }),
    /** Fewer values than this is "too few points" for a forecast (null: 3, the least ever used). */
    forecastMinPoints: integer("forecast_min_points"),
    frequency: text("frequency").notNull(),
    aggregation: text("aggregation").notNull(),
    aggregationComponents: jsonb("aggregation_components").$type<{
      numerator?: string;
      denominator?: string;
      weight?: string;
    }>(),
    formula: text("formula"),
    /** Disaggregations values may carry: dimension → its option codes (e.g. sex → [male, female]). */
    disaggregations: jsonb("disaggregations").$type<Record<string, string[]>>(),
    /** How values combine over periods (a quarter from its months); null: derived from `aggregation`. */
    timeAggregation: text("time_aggregation"),
    /** When values are due; null: the plan's rule, else the 25th of the period's last month. */
    dueRule: jsonb("due_rule").$type<{ day: number; monthsAfter: number }>(),
    published: boolean("published").notNull().default(false),
    proposed: boolean("proposed").notNull().default(false),
    sourceQuote: text("source_quote"),
    sourceRef: text("source_ref"),
    status: text("status").notNull().default("active"),
    /** Incremented on every change to the definition; each version is kept in entity_versions. */
    version: integer("version").notNull().default(1),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("indicators_code_key").on(t.code),
    index("indicators_tier_idx").on(t.tier),
    check("indicators_tier_valid", sql`${t.tier} in ('objective','target','kpi','operational')`),
    check("indicators_reported_by_valid", sql`${t.reportedBy} in ('unit','responsible')`),
    check(
      "indicators_forecast_min_points",
      sql`${t.forecastMinPoints} is null or ${t.forecastMinPoints} between 3 and 100`,
    ),
    check(
      "indicators_bounds_order",
      sql`${t.boundMin} is null or ${t.boundMax} is null or ${t.boundMin} <= ${t.boundMax}`,
    ),
  ],
);

/** Target values per milestone year, nationally (org_unit_id null) or as a unit's own target. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    orgUnitId: uuid("org_unit_id").references(() => orgUnits.id),
    year: integer("year").notNull(),
    comparator: text("comparator").notNull(),
    value: numeric("value", { mode: "number" }),
    valueMax: numeric("value_max", { mode: "number" }),
    achieved: boolean("achieved"),
    noteVi: text("note_vi"),
    noteEn: text("note_en"),
    version: integer("version").notNull().default(1),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live target per indicator, plan, unit and year; national targets have no unit.
    uniqueIndex("indicator_targets_key")
      .on(
        t.indicatorId,
        t.planId,
        sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.year,
      )
      .where(sql`${t.retiredAt} is null`),
    check(
      "indicator_targets_range",
      sql`${t.valueMax} is null or ${t.value} is null or ${t.valueMax} >= ${t.value}`,
    ),
  ],
);

/** Links between tiers: child measures parent (OI -> KPI -> target -> objective), with a roll-up weight. */
export const indicatorLinks = pgTable(
  "indicator_links",
  {
    parentId: uuid("parent_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    childId: uuid("child_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    weight: numeric("weight", { mode: "number" }).notNull().default(1),
  },
  (t) => [
    uniqueIndex("indicator_links_key").on(t.parentId, t.childId),
    index("indicator_links_child_idx").on(t.childId),
    check("indicator_links_distinct", sql`${t.parentId} <> ${t.childId}`),
  ],
);

/** Which plans track an indicator. */
export const planIndicators = pgTable(
  "plan_indicators",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    /** True when the plan defined the indicator, false when it linked an existing one. */
    owner: boolean("owner").notNull().default(false),
  },
  (t) => [
    uniqueIndex("plan_indicators_key").on(t.planId, t.indicatorId),
    index("plan_indicators_ind_idx").on(t.indicatorId),
  ],
);

/** Links from an indicator to exactly one system, initiative or project of a plan, with a weight. */
export const indicatorAssignments = pgTable(
  "indicator_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    systemId: uuid("system_id").references(() => systems.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    weight: numeric("weight", { mode: "number" }).notNull().default(1),
  },
  (t) => [
    uniqueIndex("indicator_assignments_key").on(
      t.indicatorId,
      sql`coalesce(${t.systemId}, ${t.initiativeId}, ${t.projectId})`,
    ),
    index("indicator_assignments_system_idx").on(t.systemId),
    index("indicator_assignments_initiative_idx").on(t.initiativeId),
    check(
      "indicator_assignments_one_target",
      sql`num_nonnulls(${t.systemId}, ${t.initiativeId}, ${t.projectId}) = 1`,
    ),
  ],
);

/**
 * Versions of indicator definitions and targets: a full snapshot per change with who, when and why.
 * Append-only by convention here; the audit issue adds the hash chain for all writes.
 */
export const entityVersions = pgTable(
  "entity_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The indicator the change belongs to (the indicator itself, or the target's indicator). */
    indicatorId: uuid("indicator_id").references(() => indicators.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    action: text("action").notNull(),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>(),
  },
  (t) => [
    uniqueIndex("entity_versions_key").on(t.entityType, t.entityId, t.version),
    index("entity_versions_indicator_idx").on(t.indicatorId, t.changedAt),
  ],
);
