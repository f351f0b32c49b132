ALTER TABLE "indicators" ADD COLUMN "forecast_min_points" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "status_thresholds" jsonb;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_forecast_min_points" CHECK ("indicators"."forecast_min_points" is null or "indicators"."forecast_min_points" between 3 and 100);