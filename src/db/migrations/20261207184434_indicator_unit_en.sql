-- An indicator's unit in English beside the Vietnamese one (`unit`), as names and definitions
-- already are; null until a plan file or an edit gives it (readers fall back to Vietnamese). The
-- bundled NQ57 seed fills it at the next start (its file changed, so it is imported again).
ALTER TABLE "indicators" ADD COLUMN "unit_en" text;
