CREATE TABLE "entity_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"indicator_id" uuid,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "indicator_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"system_id" uuid,
	"initiative_id" uuid,
	"project_id" uuid,
	"weight" numeric DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_assignments_one_target" CHECK (num_nonnulls("indicator_assignments"."system_id", "indicator_assignments"."initiative_id", "indicator_assignments"."project_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "indicator_links" (
	"parent_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"weight" numeric DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_links_distinct" CHECK ("indicator_links"."parent_id" <> "indicator_links"."child_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"year" integer NOT NULL,
	"comparator" text NOT NULL,
	"value" numeric,
	"value_max" numeric,
	"achieved" boolean,
	"note_vi" text,
	"note_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_range" CHECK ("indicator_targets"."value_max" is null or "indicator_targets"."value" is null or "indicator_targets"."value_max" >= "indicator_targets"."value")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"tier" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"definition_vi" text,
	"definition_en" text,
	"unit" text,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"baseline_value" numeric,
	"baseline_year" integer,
	"data_source_vi" text,
	"data_source_en" text,
	"responsible_unit_id" uuid,
	"frequency" text NOT NULL,
	"aggregation" text NOT NULL,
	"aggregation_components" jsonb,
	"formula" text,
	"published" boolean DEFAULT false NOT NULL,
	"proposed" boolean DEFAULT false NOT NULL,
	"source_quote" text,
	"source_ref" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_tier_valid" CHECK ("indicators"."tier" in ('objective','target','kpi','operational'))
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"owner" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit_lineage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"note_vi" text,
	"note_en" text,
	CONSTRAINT "org_unit_lineage_distinct" CHECK ("org_unit_lineage"."from_unit_id" <> "org_unit_lineage"."to_unit_id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"subtype" text,
	"name_vi" text NOT NULL,
	"name_en" text,
	"short_name_vi" text,
	"short_name_en" text,
	"parent_id" uuid,
	"admin_code" text,
	"valid_from" date,
	"valid_to" date,
	"note_vi" text,
	"note_en" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_valid_range" CHECK ("org_units"."valid_to" is null or "org_units"."valid_from" is null or "org_units"."valid_to" >= "org_units"."valid_from"),
	CONSTRAINT "org_units_not_own_parent" CHECK ("org_units"."parent_id" is null or "org_units"."parent_id" <> "org_units"."id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"code" text NOT NULL,
	"number" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"short_title_vi" text,
	"short_title_en" text,
	"objective_vi" text,
	"objective_en" text,
	"content_vi" text,
	"content_en" text,
	"lead_unit_id" uuid,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_focus_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"description_vi" text,
	"description_en" text,
	"system_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"initiative_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"seq" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"summary_vi" text,
	"summary_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phases_years" CHECK ("phases"."end_year" >= "phases"."start_year")
);
--> statement-breakpoint
CREATE TABLE "plan_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"seq" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"source_ref" text,
	"responsibilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting_vi" text,
	"reporting_en" text
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"short_name_vi" text,
	"short_name_en" text,
	"document_number" text,
	"issued_by_vi" text,
	"issued_by_en" text,
	"issued_on" date,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"description_vi" text,
	"description_en" text,
	"general_objective_vi" text,
	"general_objective_en" text,
	"status" text DEFAULT 'active' NOT NULL,
	"definition_hash" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_years" CHECK ("plans"."end_year" >= "plans"."start_year")
);
--> statement-breakpoint
CREATE TABLE "project_initiatives" (
	"project_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"description_vi" text,
	"description_en" text,
	"system_id" uuid,
	"owner_unit_id" uuid,
	"has_stdx_component" boolean DEFAULT false NOT NULL,
	"chief_architect" text,
	"reports_to" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'strategic' NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"main_content_vi" text,
	"main_content_en" text,
	"strategic_role_vi" text,
	"strategic_role_en" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"description_vi" text,
	"description_en" text,
	"initiative_id" uuid,
	"project_id" uuid,
	"lead_unit_id" uuid,
	"due_date" date,
	"output_vi" text,
	"output_en" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entity_versions" ADD CONSTRAINT "entity_versions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assignments" ADD CONSTRAINT "indicator_assignments_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assignments" ADD CONSTRAINT "indicator_assignments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assignments" ADD CONSTRAINT "indicator_assignments_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assignments" ADD CONSTRAINT "indicator_assignments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assignments" ADD CONSTRAINT "indicator_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_parent_id_indicators_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_child_id_indicators_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_responsible_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_from_unit_id_org_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_focus_items" ADD CONSTRAINT "phase_focus_items_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_roles" ADD CONSTRAINT "plan_roles_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_initiatives" ADD CONSTRAINT "project_initiatives_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_initiatives" ADD CONSTRAINT "project_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entity_versions_key" ON "entity_versions" USING btree ("entity_type","entity_id","version");--> statement-breakpoint
CREATE INDEX "entity_versions_indicator_idx" ON "entity_versions" USING btree ("indicator_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_assignments_key" ON "indicator_assignments" USING btree ("indicator_id",coalesce("system_id", "initiative_id", "project_id"));--> statement-breakpoint
CREATE INDEX "indicator_assignments_system_idx" ON "indicator_assignments" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "indicator_assignments_initiative_idx" ON "indicator_assignments" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_links_key" ON "indicator_links" USING btree ("parent_id","child_id");--> statement-breakpoint
CREATE INDEX "indicator_links_child_idx" ON "indicator_links" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key" ON "indicator_targets" USING btree ("indicator_id","plan_id",coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"year") WHERE "indicator_targets"."retired_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "indicators_tier_idx" ON "indicators" USING btree ("tier");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_key" ON "plan_indicators" USING btree ("plan_id","indicator_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_ind_idx" ON "plan_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_lineage_key" ON "org_unit_lineage" USING btree ("from_unit_id","to_unit_id","kind");--> statement-breakpoint
CREATE INDEX "org_unit_lineage_to_idx" ON "org_unit_lineage" USING btree ("to_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_key" ON "org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_kind_idx" ON "org_units" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_plan_code_key" ON "initiatives" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "initiatives_system_idx" ON "initiatives" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phase_focus_items_key" ON "phase_focus_items" USING btree ("phase_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "phases_plan_code_key" ON "phases" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_roles_plan_code_key" ON "plan_roles" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_code_key" ON "plans" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "project_initiatives_key" ON "project_initiatives" USING btree ("project_id","initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_plan_code_key" ON "projects" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "systems_plan_code_key" ON "systems" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_plan_code_key" ON "tasks" USING btree ("plan_id","code");