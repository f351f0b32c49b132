-- The data-quality summaries (decision 0012, tables in src/db/schema/quality.ts), kept by statement
-- triggers on every write of values, whatever the path (one value, bulk, staged import, COPY, unit
-- merges): `quality_reporters` (the first period each unit reported an indicator, per length of
-- the period code) stays exact; the marks record the last transaction that wrote, which tells the
-- data-quality read what to recompute: a statement of at most a thousand rows marks each
-- (indicator, unit) it wrote in `quality_unit_marks` (the read recomputes those units' facts
-- only), a larger one each (indicator, period) in `quality_marks` (the read recomputes the group).
--
-- The first period of a key is looked up again only when the row that held it is deleted or
-- moved; any other change keeps it or lowers it.
CREATE OR REPLACE FUNCTION "quality_reporters_recheck"("ind" uuid[], "len" smallint[], "unit" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	WITH fresh AS (
		SELECT k.i, k.l, k.u, (SELECT min(o.period) FROM observations o
			WHERE o.org_unit_id = k.u AND o.indicator_id = k.i AND length(o.period) = k.l AND o.deleted_at IS NULL) AS first
		FROM unnest(ind, len, unit) AS k(i, l, u)
	), updated AS (
		UPDATE quality_reporters r SET first_period = f.first FROM fresh f
		WHERE r.indicator_id = f.i AND r.period_length = f.l AND r.org_unit_id = f.u AND f.first IS NOT NULL
	)
	DELETE FROM quality_reporters r USING fresh f
	WHERE r.indicator_id = f.i AND r.period_length = f.l AND r.org_unit_id = f.u AND f.first IS NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "quality_mark_units"("ind" uuid[], "per" text[], "unit" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	-- The latest writer and the earliest period written: a group computed before the latest writer
	-- recomputes the unit when the group is at or after that period (see the table).
	INSERT INTO quality_unit_marks AS m (indicator_id, period_length, org_unit_id, from_period, xid)
	SELECT k.i, length(k.p), k.u, min(k.p), txid_current() FROM unnest(ind, per, unit) AS k(i, p, u)
	GROUP BY k.i, length(k.p), k.u ORDER BY 1, 2, 3
	ON CONFLICT (indicator_id, period_length, org_unit_id) DO UPDATE
	SET xid = greatest(m.xid, excluded.xid), from_period = least(m.from_period, excluded.from_period);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "quality_observations_written"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ind uuid[];
	len smallint[];
	unit uuid[];
	per text[];
	small boolean;
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO quality_reporters (indicator_id, period_length, org_unit_id, first_period)
		SELECT n.indicator_id, length(n.period), n.org_unit_id, min(n.period) FROM new_rows n
		WHERE n.deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
		ON CONFLICT (indicator_id, period_length, org_unit_id) DO UPDATE SET first_period = excluded.first_period
		WHERE excluded.first_period < quality_reporters.first_period;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT array_agg(o.indicator_id), array_agg(length(o.period)::smallint), array_agg(o.org_unit_id)
		INTO ind, len, unit
		FROM old_rows o JOIN new_rows n ON n.id = o.id
		JOIN quality_reporters r ON r.indicator_id = o.indicator_id AND r.period_length = length(o.period)
			AND r.org_unit_id = o.org_unit_id AND r.first_period = o.period
		WHERE o.deleted_at IS NULL AND (n.deleted_at IS NOT NULL OR n.period <> o.period
			OR n.indicator_id <> o.indicator_id OR n.org_unit_id <> o.org_unit_id);
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(o.indicator_id), array_agg(length(o.period)::smallint), array_agg(o.org_unit_id)
		INTO ind, len, unit
		FROM old_rows o
		JOIN quality_reporters r ON r.indicator_id = o.indicator_id AND r.period_length = length(o.period)
			AND r.org_unit_id = o.org_unit_id AND r.first_period = o.period
		WHERE o.deleted_at IS NULL;
	END IF;
	IF ind IS NOT NULL THEN
		PERFORM quality_reporters_recheck(ind, len, unit);
	END IF;
	-- Which keys were written, from both sides of an update (a value moved leaves a gap where it
	-- was): per unit for a small statement, per (indicator, period) for a large one. Each operation
	-- reads only the transition tables it has.
	IF TG_OP = 'DELETE' THEN
		small := (SELECT count(*) FROM (SELECT 1 FROM old_rows LIMIT 1001) s) <= 1000;
	ELSE
		small := (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 1001) s) <= 1000;
	END IF;
	IF small THEN
		IF TG_OP = 'INSERT' THEN
			SELECT array_agg(n.indicator_id), array_agg(n.period), array_agg(n.org_unit_id) INTO ind, per, unit
			FROM new_rows n;
		ELSIF TG_OP = 'UPDATE' THEN
			SELECT array_agg(k.indicator_id), array_agg(k.period), array_agg(k.org_unit_id) INTO ind, per, unit FROM (
				SELECT n.indicator_id, n.period, n.org_unit_id FROM new_rows n
				UNION SELECT o.indicator_id, o.period, o.org_unit_id FROM old_rows o
			) k;
		ELSE
			SELECT array_agg(o.indicator_id), array_agg(o.period), array_agg(o.org_unit_id) INTO ind, per, unit
			FROM old_rows o;
		END IF;
		IF ind IS NOT NULL THEN
			PERFORM quality_mark_units(ind, per, unit);
		END IF;
	ELSIF TG_OP = 'INSERT' THEN
		INSERT INTO quality_marks (indicator_id, period, xid)
		SELECT DISTINCT n.indicator_id, n.period, txid_current() FROM new_rows n ORDER BY 1, 2
		ON CONFLICT (indicator_id, period) DO UPDATE SET xid = excluded.xid WHERE quality_marks.xid < excluded.xid;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO quality_marks (indicator_id, period, xid)
		SELECT k.indicator_id, k.period, txid_current() FROM (
			SELECT n.indicator_id, n.period FROM new_rows n UNION SELECT o.indicator_id, o.period FROM old_rows o
		) k ORDER BY 1, 2
		ON CONFLICT (indicator_id, period) DO UPDATE SET xid = excluded.xid WHERE quality_marks.xid < excluded.xid;
	ELSE
		INSERT INTO quality_marks (indicator_id, period, xid)
		SELECT DISTINCT o.indicator_id, o.period, txid_current() FROM old_rows o ORDER BY 1, 2
		ON CONFLICT (indicator_id, period) DO UPDATE SET xid = excluded.xid WHERE quality_marks.xid < excluded.xid;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "quality_revisions_written"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ind uuid[];
	per text[];
	unit uuid[];
BEGIN
	IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 1001) s) <= 1000 THEN
		SELECT array_agg(o.indicator_id), array_agg(o.period), array_agg(o.org_unit_id) INTO ind, per, unit
		FROM new_rows n JOIN observations o ON o.id = n.observation_id;
		IF ind IS NOT NULL THEN
			PERFORM quality_mark_units(ind, per, unit);
		END IF;
	ELSE
		INSERT INTO quality_marks (indicator_id, period, xid)
		SELECT DISTINCT o.indicator_id, o.period, txid_current()
		FROM new_rows n JOIN observations o ON o.id = n.observation_id ORDER BY 1, 2
		ON CONFLICT (indicator_id, period) DO UPDATE SET xid = excluded.xid WHERE quality_marks.xid < excluded.xid;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "observations_quality_insert" AFTER INSERT ON "observations" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "quality_observations_written"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "observations_quality_update" AFTER UPDATE ON "observations" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "quality_observations_written"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "observations_quality_delete" AFTER DELETE ON "observations" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "quality_observations_written"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "observation_revisions_quality_insert" AFTER INSERT ON "observation_revisions" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "quality_revisions_written"();
