import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "./org-units.js";

/** A unit's own profile: contact details it maintains itself (its approver edits them). */
export const unitProfiles = pgTable("unit_profiles", {
  unitId: uuid("unit_id")
    .primaryKey()
    .references(() => orgUnits.id, { onDelete: "cascade" }),
  address: text("address"),
  phone: text("phone"),
  email: text("email"),
  website: text("website"),
  description: text("description"),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Focal persons: who to contact about the unit's reporting (responsibility made explicit, II.C.2). */
export const focalPersons = pgTable(
  "focal_persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    position: text("position"),
    email: text("email"),
    phone: text("phone"),
    responsibility: text("responsibility"),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("focal_persons_unit_idx").on(t.unitId)],
);
