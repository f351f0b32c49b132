CREATE TABLE "observation_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value" numeric,
	"value_bool" boolean,
	"status" text NOT NULL,
	"source" text,
	"comment" text,
	"evidence_url" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"changed_by" text NOT NULL,
	"valid_from" timestamp (6) with time zone NOT NULL,
	"valid_to" timestamp (6) with time zone
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"reporter_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"disaggregation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"disagg_key" text DEFAULT '' NOT NULL,
	"value" numeric,
	"value_bool" boolean,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text,
	"comment" text,
	"evidence_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "observations_status_valid" CHECK ("observations"."status" in ('draft','submitted','approved')),
	CONSTRAINT "observations_one_value" CHECK (num_nonnulls("observations"."value", "observations"."value_bool") = 1)
);
--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_reporter_unit_id_org_units_id_fk" FOREIGN KEY ("reporter_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observation_revisions_key" ON "observation_revisions" USING btree ("observation_id","version");--> statement-breakpoint
CREATE INDEX "observation_revisions_time_idx" ON "observation_revisions" USING btree ("observation_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_cell_key" ON "observations" USING btree ("indicator_id","org_unit_id","period","disagg_key") WHERE "observations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "observations_unit_idx" ON "observations" USING btree ("org_unit_id","indicator_id","period");--> statement-breakpoint
CREATE INDEX "observations_reporter_idx" ON "observations" USING btree ("reporter_unit_id","status");