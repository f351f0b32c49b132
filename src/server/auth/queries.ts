/**
 * The reads behind every request's principal: the session with its user and grants (one round
 * trip), the unit subtrees unit-scoped grants cover, and the definitions version they are kept by.
 * Hand-written SQL on the hottest path (every request of a signed-in user); row fields that are
 * table columns take their types from the schema, the computed ones are typed here.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import type { roleAssignments, sessions, users } from "../../db/schema/index.js";

export type GrantRow = Pick<
  typeof roleAssignments.$inferSelect,
  "id" | "role" | "planId" | "systemId" | "projectId" | "unitId"
>;

/** The definitions version as text (bumped by triggers on every definition table). */
export async function definitionsVersion(db: Executor): Promise<string> {
  const [row] = await queryRows<{ v: string }>(db, sql`select version::text as v from definitions_version`);
  return row?.v ?? "";
}

/**
 * Each root unit with every unit below it and every former unit whose lineage leads into one of
 * them: (root, id) pairs of uuids, as the recursive query computes them.
 */
export function subtreeRows(db: Executor, roots: string[]): Promise<{ root: string; id: string }[]> {
  return queryRows<{ root: string; id: string }>(
    db,
    sql`with recursive tree(root, id, depth) as (
          select r.id, r.id, 0 from org_units r where r.id in (${sql.join(
            roots.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})
          union
          select tree.root, e.child, tree.depth + 1
          from tree
          join (
            select id as child, parent_id as parent from org_units where parent_id is not null
            union all
            select from_unit_id, to_unit_id from org_unit_lineage
          ) e on e.parent = tree.id
          where tree.depth < 32
        )
        select distinct root, id from tree`,
  );
}

export type SessionPrincipalRow = Pick<
  typeof sessions.$inferSelect,
  "id" | "userId" | "csrfToken" | "pendingSecondFactor"
> &
  Pick<typeof users.$inferSelect, "username" | "displayName" | "unitId" | "totpEnabled"> & {
    /** A timestamp as the driver returns it from raw SQL. */
    lastSeenAt: Date | string;
    grants: GrantRow[];
    definitions: string;
  };

/** A live session of an active user, with the user's grants in force and the definitions version. */
export async function sessionPrincipalRow(
  db: Executor,
  sessionId: string,
  now: Date,
): Promise<SessionPrincipalRow | undefined> {
  const [row] = await queryRows<SessionPrincipalRow>(
    db,
    sql`select s.id, s.user_id as "userId", s.csrf_token as "csrfToken", s.last_seen_at as "lastSeenAt",
        s.pending_second_factor as "pendingSecondFactor", u.username, u.display_name as "displayName",
        u.unit_id as "unitId", u.totp_enabled as "totpEnabled",
        coalesce((select json_agg(json_build_object('id', r.id, 'role', r.role, 'planId', r.plan_id,
            'systemId', r.system_id, 'projectId', r.project_id, 'unitId', r.unit_id))
          from role_assignments r where r.user_id = s.user_id and r.revoked_at is null), '[]') as grants,
        (select version::text from definitions_version) as definitions
      from sessions s join users u on u.id = s.user_id and u.status = 'active'
      where s.id = ${sessionId} and s.revoked_at is null and s.expires_at > ${now.toISOString()}::timestamptz`,
  );
  return row;
}
