-- What one value contributes to the roll-up cells: a row per layer it counts in, with its value
-- `v` (yes/no values count as 1/0, so a sum counts the units that reached a milestone), its
-- weight `w` (1, or the weight indicator's value for weighted means; without one the value cannot
-- count) and `at`, the epoch milliseconds of its last change, for "latest". `approved` holds
-- approved values, `reported` submitted and approved ones; drafts and deleted values count
-- nowhere. The one definition of the rule in SQL: the rollup_values view (rebuild, stale
-- extremes) and the staged apply (src/server/observations/staged.ts) both call it;
-- src/domain/rollup.ts states the same rule in TypeScript; test/rollups/contributions.test.ts
-- holds the two equal.
--
-- LANGUAGE sql, one SELECT, STABLE, not STRICT and no SET: PostgreSQL inlines it into the calling
-- query (no function call per value), so a view or join over it plans as if it were written out.
CREATE OR REPLACE FUNCTION "rollup_contributions"(
	status text, value numeric, value_bool boolean, rollup_weight double precision,
	updated_at timestamp with time zone, deleted_at timestamp with time zone, aggregation text
) RETURNS TABLE (layer text, v double precision, w double precision, at double precision)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT l.layer,
		coalesce(value::float8, CASE WHEN value_bool THEN 1 ELSE 0 END)::float8,
		(CASE WHEN aggregation = 'weighted_mean' THEN rollup_weight ELSE 1 END)::float8,
		floor(extract(epoch FROM updated_at) * 1000)::float8
	FROM (VALUES ('approved'), ('reported')) AS l(layer)
	WHERE deleted_at IS NULL
		AND (value IS NOT NULL OR value_bool IS NOT NULL)
		AND (status = 'approved' OR (l.layer = 'reported' AND status = 'submitted'))
		AND (aggregation <> 'weighted_mean' OR rollup_weight IS NOT NULL)
$$;
