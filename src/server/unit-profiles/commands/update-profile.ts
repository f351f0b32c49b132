/** Changing a unit's profile: the unit's approver or an administrator; audited with before and after. */
import type { Db } from "../../../db/client.js";
import { unitProfiles } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { inTransaction } from "../../core/transaction.js";
import { getOrgUnitByCode } from "../../org-units/index.js";
import { profileOf } from "../queries.js";
import type { ProfileInput } from "../schema.js";

/** Writes the profile of the unit `code`; returns the unit. */
export async function updateUnitProfile(
  db: Db,
  principal: Principal,
  code: string,
  input: ProfileInput,
  ctx: ChangeContext,
): Promise<{ id: string; code: string }> {
  const unit = await getOrgUnitByCode(db, code);
  authorize(principal, "unitProfile.edit", { unitId: unit.id });
  await inTransaction(db, async (tx) => {
    const before = await profileOf(tx, unit.id);
    const values = { ...input, updatedBy: ctx.actorUserId ?? null, updatedAt: new Date() };
    await tx
      .insert(unitProfiles)
      .values({ unitId: unit.id, ...values })
      .onConflictDoUpdate({ target: unitProfiles.unitId, set: values });
    await audit(tx, ctx, {
      action: "unit_profile.update",
      entityType: "org_unit",
      entityId: unit.code,
      before: before ?? null,
      after: input,
    });
  });
  return unit;
}
