import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    /** For province-level units: 'province' or 'city' (centrally-run city). */
    subtype: text("subtype"),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    shortNameVi: text("short_name_vi"),
    shortNameEn: text("short_name_en"),
    parentId: uuid("parent_id"),
    adminCode: text("admin_code"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    noteVi: text("note_vi"),
    noteEn: text("note_en"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("org_units_code_key").on(t.code),
    foreignKey({ name: "org_units_parent_fk", columns: [t.parentId], foreignColumns: [t.id] }),
    index("org_units_parent_idx").on(t.parentId),
    index("org_units_kind_idx").on(t.kind),
    check(
      "org_units_valid_range",
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
    check("org_units_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** Lineage between units: merged into, split from, renamed to (e.g. 63 former provinces -> 34). */
export const orgUnitLineage = pgTable(
  "org_unit_lineage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromUnitId: uuid("from_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    toUnitId: uuid("to_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    effectiveOn: date("effective_on").notNull(),
    noteVi: text("note_vi"),
    noteEn: text("note_en"),
  },
  (t) => [
    uniqueIndex("org_unit_lineage_key").on(t.fromUnitId, t.toUnitId, t.kind),
    index("org_unit_lineage_to_idx").on(t.toUnitId),
    check("org_unit_lineage_distinct", sql`${t.fromUnitId} <> ${t.toUnitId}`),
  ],
);
