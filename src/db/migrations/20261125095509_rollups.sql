CREATE TABLE "rollup_cells" (
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"disagg_key" text DEFAULT '' NOT NULL,
	"layer" text NOT NULL,
	"count" integer NOT NULL,
	"sum" double precision NOT NULL,
	"weight_sum" double precision NOT NULL,
	"weighted_sum" double precision NOT NULL,
	"min" double precision,
	"max" double precision,
	"latest" double precision,
	"latest_at" double precision,
	"own_count" integer DEFAULT 0 NOT NULL,
	"own_sum" double precision DEFAULT 0 NOT NULL,
	"extremes_stale" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_cells_pkey" PRIMARY KEY("indicator_id","unit_id","period","disagg_key","layer")
);
--> statement-breakpoint
CREATE TABLE "rollup_closure" (
	"unit_id" uuid NOT NULL,
	"ancestor_id" uuid NOT NULL,
	CONSTRAINT "rollup_closure_pkey" PRIMARY KEY("unit_id","ancestor_id")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "time_aggregation" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "due_rule" jsonb;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "first_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "rollup_weight" double precision;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "due_rule" jsonb;--> statement-breakpoint
CREATE INDEX "rollup_cells_unit_idx" ON "rollup_cells" USING btree ("unit_id","indicator_id","layer");--> statement-breakpoint
CREATE INDEX "rollup_cells_stale_idx" ON "rollup_cells" USING btree ("indicator_id") WHERE "rollup_cells"."extremes_stale";--> statement-breakpoint
CREATE INDEX "rollup_closure_ancestor_idx" ON "rollup_closure" USING btree ("ancestor_id","unit_id");--> statement-breakpoint
-- What each value contributes to the roll-up cells, per layer (see src/domain/rollup.ts; the
-- incremental path computes the same in TypeScript). Yes/no values count as 1/0.
CREATE VIEW "rollup_values" AS
SELECT o.id, o.indicator_id, o.org_unit_id, o.period, o.disagg_key, l.layer,
  coalesce(o.value::float8, CASE WHEN o.value_bool THEN 1 ELSE 0 END)::float8 AS v,
  (CASE WHEN i.aggregation = 'weighted_mean' THEN o.rollup_weight ELSE 1 END)::float8 AS w,
  floor(extract(epoch FROM o.updated_at) * 1000)::float8 AS at
FROM observations o
JOIN indicators i ON i.id = o.indicator_id
CROSS JOIN (VALUES ('approved'), ('reported')) AS l(layer)
WHERE o.deleted_at IS NULL
  AND (o.status = 'approved' OR (l.layer = 'reported' AND o.status = 'submitted'))
  AND (i.aggregation <> 'weighted_mean' OR o.rollup_weight IS NOT NULL);
