/** What converging the former OLD- twins reads: the twins present, and what refers to one. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Executor, queryRows } from "../../db/client.js";
import { orgUnitLineage, orgUnits } from "../../db/schema/index.js";

const mergedInto = alias(orgUnits, "u");

/** The units with these codes, each with the code of the unit it was merged into (if any), by code. */
export function unitsWithMergeTarget(db: Executor, codes: string[]) {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, unit: mergedInto.code })
    .from(orgUnits)
    .leftJoin(
      orgUnitLineage,
      and(eq(orgUnitLineage.fromUnitId, orgUnits.id), eq(orgUnitLineage.kind, "merged_into")),
    )
    .leftJoin(mergedInto, eq(mergedInto.id, orgUnitLineage.toUnitId))
    .where(inArray(orgUnits.code, codes))
    .orderBy(asc(orgUnits.code));
}

/**
 * How many rows that a unit's deletion would cascade to refer to it: its profile, focal persons,
 * lineage other than its own merge link, and sub-units. A computed count, typed here.
 */
export async function cascadingUses(db: Executor, unitId: string): Promise<number> {
  const [uses] = await queryRows<{ n: number | string }>(
    db,
    sql`select (select count(*) from unit_profiles where unit_id = ${unitId}::uuid)
      + (select count(*) from focal_persons where unit_id = ${unitId}::uuid)
      + (select count(*) from org_unit_lineage where to_unit_id = ${unitId}::uuid)
      + (select count(*) from org_unit_lineage where from_unit_id = ${unitId}::uuid and kind <> 'merged_into')
      + (select count(*) from org_units where parent_id = ${unitId}::uuid) as n`,
  );
  return Number(uses?.n ?? 0);
}
