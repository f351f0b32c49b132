-- requires: rollup-contributions.sql
-- What each value contributes to the roll-up cells, per layer: the rebuild and the recompute of
-- stale extremes read it. The rule itself is rollup_contributions().
CREATE OR REPLACE VIEW "rollup_values" AS
SELECT o.id, o.indicator_id, o.org_unit_id, o.period, o.disagg_key, c.layer, c.v, c.w, c.at
FROM observations o
JOIN indicators i ON i.id = o.indicator_id
CROSS JOIN LATERAL rollup_contributions(o.status, o.value, o.value_bool, o.rollup_weight, o.updated_at,
	o.deleted_at, i.aggregation) AS c;
