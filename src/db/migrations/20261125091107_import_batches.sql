CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"actor" text NOT NULL,
	"payload_hash" text NOT NULL,
	"format" text NOT NULL,
	"row_count" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_key" ON "import_batches" USING btree ("actor","idempotency_key");