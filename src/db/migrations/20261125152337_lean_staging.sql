-- Less work per staged and per revised value. A foreign key from each staged row to its import was
-- checked once per row (a locking look-up in value_imports); the code that removes an import
-- removes its rows. The staged rows' cell index only served the duplicate check, which sorts the
-- import's rows once instead of maintaining an index on every insert. observation_revisions_time_idx
-- duplicated observation_revisions_key for reads as of a time (an id has a few revisions, filtered
-- by validity).
ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_import_id_value_imports_id_fk";
--> statement-breakpoint
DROP INDEX "import_rows_cell";--> statement-breakpoint
DROP INDEX "observation_revisions_time_idx";
