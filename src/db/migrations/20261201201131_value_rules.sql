ALTER TABLE "indicators" ADD COLUMN "reported_by" text DEFAULT 'unit' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "bound_min" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "bound_max" numeric;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "baseline_year" integer;--> statement-breakpoint
CREATE INDEX "observation_revisions_import_idx" ON "observation_revisions" USING btree ("import_id") WHERE "observation_revisions"."import_id" is not null;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_reported_by_valid" CHECK ("indicators"."reported_by" in ('unit','responsible'));--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_bounds_order" CHECK ("indicators"."bound_min" is null or "indicators"."bound_max" is null or "indicators"."bound_min" <= "indicators"."bound_max");