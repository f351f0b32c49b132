-- One number that changes whenever anything a dashboard answer is computed from (besides values)
-- changes: dashboards key their memo on it and the last change batch (table definitions_version).
-- A statement trigger on each definition table bumps it.
CREATE OR REPLACE FUNCTION "bump_definitions_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "definitions_version" SET "version" = "version" + 1;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "plans_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "systems_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "systems" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "indicators_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "indicator_targets_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_targets" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "indicator_links_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_links" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "indicator_assignments_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "plan_indicators_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_indicators" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "org_units_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_units" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "org_unit_lineage_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit_lineage" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "rollup_closure_definitions_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rollup_closure" FOR EACH STATEMENT EXECUTE FUNCTION "bump_definitions_version"();
