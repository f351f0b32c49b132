-- Keys of values and roll-up cells led by the period (decision 0008). Values arrive a period at a
-- time; with keys led by indicator and unit, a month of 150,000 values put one entry on each of
-- ~150,000 pages of each index of a 10 M-row table (a cold read, a dirty page and a full-page WAL
-- image each). Led by the period, they land side by side at the end of the index. The unit indexes
-- now put a unit's period together, so a month touches one page per unit, not one per series.
DROP INDEX "observations_cell_key";--> statement-breakpoint
DROP INDEX "observations_unit_idx";--> statement-breakpoint
DROP INDEX "rollup_cells_unit_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "observations_cell_key" ON "observations" USING btree ("period","indicator_id","org_unit_id","disagg_key") WHERE "observations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "observations_unit_idx" ON "observations" USING btree ("org_unit_id","period","indicator_id");--> statement-breakpoint
CREATE INDEX "rollup_cells_unit_idx" ON "rollup_cells" USING btree ("unit_id","layer","period");--> statement-breakpoint
ALTER TABLE "rollup_cells" DROP CONSTRAINT "rollup_cells_pkey";
--> statement-breakpoint
ALTER TABLE "rollup_cells" ADD CONSTRAINT "rollup_cells_pkey" PRIMARY KEY("period","indicator_id","unit_id","disagg_key","layer");