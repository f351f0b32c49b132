CREATE TABLE "quality_unit_marks" (
	"indicator_id" uuid NOT NULL,
	"period_length" smallint NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"from_period" text NOT NULL,
	"xid" bigint NOT NULL,
	CONSTRAINT "quality_unit_marks_indicator_id_period_length_org_unit_id_pk" PRIMARY KEY("indicator_id","period_length","org_unit_id")
);
--> statement-breakpoint
CREATE INDEX "quality_unit_marks_recent_idx" ON "quality_unit_marks" USING btree ("indicator_id","xid");--> statement-breakpoint
ALTER TABLE "quality_values" DROP COLUMN "z_peers";