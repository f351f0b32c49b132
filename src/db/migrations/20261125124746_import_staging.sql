CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_no" integer NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"reporter_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"disaggregation" jsonb NOT NULL,
	"disagg_key" text NOT NULL,
	"value" numeric,
	"value_bool" boolean,
	"source" text,
	"comment" text,
	"evidence_url" text,
	"expected_version" integer,
	"observation_id" uuid,
	"outcome" text,
	"rollup_weight" double precision,
	"previous" jsonb,
	CONSTRAINT "import_rows_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "value_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor" text NOT NULL,
	"state" text DEFAULT 'staging' NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"applied_rows" integer DEFAULT 0 NOT NULL,
	"written_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_value_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."value_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_cell" ON "import_rows" USING btree ("import_id","indicator_id","org_unit_id","period","disagg_key");