/**
 * Grants' scopes in words: the plan, system, project and unit a grant names, each with its code
 * and its name in both languages (one query per kind, whatever the number of grants).
 */
import { inArray } from "drizzle-orm";
import { loc } from "../../contracts/common.js";
import type { Executor } from "../../db/client.js";
import { orgUnits, plans, projects, systems } from "../../db/schema/index.js";
import type { GrantRow } from "./queries.js";
import type { GrantScope, NamedRef } from "./schema.js";

type Named = typeof plans | typeof systems | typeof projects | typeof orgUnits;

async function namesOf(db: Executor, table: Named, ids: (string | null)[]): Promise<Map<string, NamedRef>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const t = table as typeof plans;
  const rows = await db
    .select({ id: t.id, code: t.code, nameVi: t.nameVi, nameEn: t.nameEn })
    .from(t)
    .where(inArray(t.id, wanted));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: loc(r.nameVi, r.nameEn) }]));
}

export async function grantScopes(db: Executor, grants: GrantRow[]): Promise<GrantScope[]> {
  const [p, s, pr, u] = await Promise.all([
    namesOf(
      db,
      plans,
      grants.map((g) => g.planId),
    ),
    namesOf(
      db,
      systems,
      grants.map((g) => g.systemId),
    ),
    namesOf(
      db,
      projects,
      grants.map((g) => g.projectId),
    ),
    namesOf(
      db,
      orgUnits,
      grants.map((g) => g.unitId),
    ),
  ]);
  const pick = (m: Map<string, NamedRef>, id: string | null) => (id ? (m.get(id) ?? null) : null);
  return grants.map((g) => ({
    grant: g.id,
    plan: pick(p, g.planId),
    system: pick(s, g.systemId),
    project: pick(pr, g.projectId),
    unit: pick(u, g.unitId),
    grantedAt: g.grantedAt.toISOString(),
  }));
}
