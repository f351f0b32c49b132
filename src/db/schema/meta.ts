import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Instance facts: seed versions applied, demo marker. */
export const instanceMeta = pgTable("instance_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
