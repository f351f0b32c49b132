import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnits } from "./org-units.js";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    shortNameVi: text("short_name_vi"),
    shortNameEn: text("short_name_en"),
    documentNumber: text("document_number"),
    issuedByVi: text("issued_by_vi"),
    issuedByEn: text("issued_by_en"),
    issuedOn: date("issued_on"),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    /** Values of periods before this year are refused (history the plan measures from); null: no limit. */
    baselineYear: integer("baseline_year"),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    generalObjectiveVi: text("general_objective_vi"),
    generalObjectiveEn: text("general_objective_en"),
    status: text("status").notNull().default("active"),
    /** Hash of the definition file last imported, so re-seeding the same file is a no-op. */
    definitionHash: text("definition_hash"),
    /** When monthly/quarterly/... values are due; null: the 25th of the period's last month. */
    dueRule: jsonb("due_rule").$type<{ day: number; monthsAfter: number }>(),
    /**
     * Chance of meeting a target at which it is on track (>= onTrack) or off track (< offTrack);
     * null: 0.8 and 0.2 (docs/decisions/0011).
     */
    statusThresholds: jsonb("status_thresholds").$type<{ onTrack: number; offTrack: number }>(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("plans_code_key").on(t.code),
    check("plans_years", sql`${t.endYear} >= ${t.startYear}`),
  ],
);

export const phases = pgTable(
  "phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    seq: integer("seq").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    summaryVi: text("summary_vi"),
    summaryEn: text("summary_en"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("phases_plan_code_key").on(t.planId, t.code),
    check("phases_years", sql`${t.endYear} >= ${t.startYear}`),
  ],
);

export const systems = pgTable(
  "systems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    number: integer("number").notNull(),
    kind: text("kind").notNull().default("strategic"),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    mainContentVi: text("main_content_vi"),
    mainContentEn: text("main_content_en"),
    strategicRoleVi: text("strategic_role_vi"),
    strategicRoleEn: text("strategic_role_en"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("systems_plan_code_key").on(t.planId, t.code)],
);

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    code: text("code").notNull(),
    number: integer("number").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en"),
    shortTitleVi: text("short_title_vi"),
    shortTitleEn: text("short_title_en"),
    objectiveVi: text("objective_vi"),
    objectiveEn: text("objective_en"),
    contentVi: text("content_vi"),
    contentEn: text("content_en"),
    /** Expected outputs in order ("sản phẩm đầu ra"), as the plan definition gives them. */
    outputs: jsonb("outputs")
      .$type<{ vi: string; en?: string; kind?: string; proposed?: boolean }[]>()
      .notNull()
      .default([]),
    leadUnitId: uuid("lead_unit_id").references(() => orgUnits.id),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("initiatives_plan_code_key").on(t.planId, t.code),
    index("initiatives_system_idx").on(t.systemId),
  ],
);

/** Focus items of a phase (plan section IV) naming the systems and initiatives it concentrates on. */
export const phaseFocusItems = pgTable(
  "phase_focus_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phaseId: uuid("phase_id")
      .notNull()
      .references(() => phases.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en"),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    systemIds: jsonb("system_ids").$type<string[]>().notNull().default([]),
    initiativeIds: jsonb("initiative_ids").$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("phase_focus_items_key").on(t.phaseId, t.seq)],
);

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    systemId: uuid("system_id").references(() => systems.id),
    ownerUnitId: uuid("owner_unit_id").references(() => orgUnits.id),
    hasStdxComponent: boolean("has_stdx_component").notNull().default(false),
    chiefArchitect: text("chief_architect"),
    reportsTo: text("reports_to"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("projects_plan_code_key").on(t.planId, t.code)],
);

export const projectInitiatives = pgTable(
  "project_initiatives",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("project_initiatives_key").on(t.projectId, t.initiativeId)],
);

/** Tasks: one accountable unit, a deadline and an expected output ("5 rõ"); the tasks module extends this. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en"),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    initiativeId: uuid("initiative_id").references(() => initiatives.id),
    projectId: uuid("project_id").references(() => projects.id),
    leadUnitId: uuid("lead_unit_id").references(() => orgUnits.id),
    dueDate: date("due_date"),
    outputVi: text("output_vi"),
    outputEn: text("output_en"),
    status: text("status").notNull().default("not_started"),
    ...timestamps,
  },
  (t) => [uniqueIndex("tasks_plan_code_key").on(t.planId, t.code)],
);

/** Roles and responsibilities named by the plan (section V), held by org units. */
export const planRoles = pgTable(
  "plan_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    seq: integer("seq").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    sourceRef: text("source_ref"),
    responsibilities: jsonb("responsibilities").$type<{ vi: string; en?: string }[]>().notNull().default([]),
    unitIds: jsonb("unit_ids").$type<string[]>().notNull().default([]),
    reportingVi: text("reporting_vi"),
    reportingEn: text("reporting_en"),
  },
  (t) => [uniqueIndex("plan_roles_plan_code_key").on(t.planId, t.code)],
);
