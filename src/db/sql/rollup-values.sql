-- What each value contributes to the roll-up cells, per layer (see src/domain/rollup.ts; the
-- incremental path computes the same in TypeScript). Yes/no values count as 1/0.
CREATE OR REPLACE VIEW "rollup_values" AS
SELECT o.id, o.indicator_id, o.org_unit_id, o.period, o.disagg_key, l.layer,
  coalesce(o.value::float8, CASE WHEN o.value_bool THEN 1 ELSE 0 END)::float8 AS v,
  (CASE WHEN i.aggregation = 'weighted_mean' THEN o.rollup_weight ELSE 1 END)::float8 AS w,
  floor(extract(epoch FROM o.updated_at) * 1000)::float8 AS at
FROM observations o
JOIN indicators i ON i.id = o.indicator_id
CROSS JOIN (VALUES ('approved'), ('reported')) AS l(layer)
WHERE o.deleted_at IS NULL
  AND (o.status = 'approved' OR (l.layer = 'reported' AND o.status = 'submitted'))
  AND (i.aggregation <> 'weighted_mean' OR o.rollup_weight IS NOT NULL);
