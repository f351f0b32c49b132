-- Time-ordered ids (UUID version 7: 48 bits of Unix milliseconds, then random bits) for values.
-- Random (version 4) ids scatter every insert over the whole primary-key index and over the
-- revisions' observation_id index; at ten million values each insert then reads a cold index
-- page. Ids that grow with time append at the right edge of both indexes instead.
-- src/db/ids.ts makes the same ids in TypeScript.
CREATE OR REPLACE FUNCTION "uuid_v7"() RETURNS uuid LANGUAGE sql VOLATILE AS $$
	SELECT encode(
		set_bit(
			set_bit(
				overlay(uuid_send(gen_random_uuid())
					placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
					FROM 1 FOR 6),
				52, 1),
			53, 1),
		'hex')::uuid
$$;
