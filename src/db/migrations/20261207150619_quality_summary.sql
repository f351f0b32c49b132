CREATE TABLE "quality_groups" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"snapshot_xmin" bigint NOT NULL,
	"definitions_version" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_groups_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "quality_marks" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"xid" bigint NOT NULL,
	CONSTRAINT "quality_marks_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "quality_reporters" (
	"indicator_id" uuid NOT NULL,
	"period_length" smallint NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"first_period" text NOT NULL,
	CONSTRAINT "quality_reporters_indicator_id_period_length_org_unit_id_pk" PRIMARY KEY("indicator_id","period_length","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "quality_values" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"expected" boolean NOT NULL,
	"observation_id" uuid,
	"reporter_unit_id" uuid,
	"status" text,
	"value" numeric,
	"first_submitted_at" timestamp with time zone,
	"revised" boolean DEFAULT false NOT NULL,
	"z_own" double precision,
	"z_peers" double precision,
	CONSTRAINT "quality_values_indicator_id_period_org_unit_id_pk" PRIMARY KEY("indicator_id","period","org_unit_id")
);
