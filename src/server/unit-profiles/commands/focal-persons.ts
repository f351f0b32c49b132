/**
 * Adding, changing and removing a unit's focal persons: the unit's approver or an administrator.
 * A focal person of a unit the caller may not edit does not exist for them (404, never 403), so
 * ids cannot be probed. At most one primary focal person: marking one unmarks the others.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client.js";
import { focalPersons } from "../../../db/schema/index.js";
import { allows, authorize, type Principal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { getOrgUnitByCode } from "../../org-units/index.js";
import { presentFocal } from "../presenter.js";
import { type FocalRow, focalPersonById } from "../queries.js";
import type { FocalInput, FocalPatch } from "../schema.js";

async function editableFocal(db: Executor, principal: Principal, id: string): Promise<FocalRow> {
  const f = await focalPersonById(db, id);
  if (!f || !allows(principal, "unitProfile.edit", { unitId: f.unitId })) throw notFound("focal_person", id);
  return f;
}

const unmarkPrimary = (tx: Executor, unitId: string) =>
  tx.update(focalPersons).set({ isPrimary: false }).where(eq(focalPersons.unitId, unitId));

export async function addFocalPerson(
  db: Db,
  principal: Principal,
  unitCode: string,
  input: FocalInput,
  ctx: ChangeContext,
): Promise<FocalRow> {
  const unit = await getOrgUnitByCode(db, unitCode);
  authorize(principal, "unitProfile.edit", { unitId: unit.id });
  return inTransaction(db, async (tx) => {
    if (input.isPrimary) await unmarkPrimary(tx, unit.id);
    const [r] = await tx
      .insert(focalPersons)
      .values({ unitId: unit.id, ...input, isPrimary: input.isPrimary ?? false })
      .returning();
    if (!r) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "focal_person.create",
      entityType: "focal_person",
      entityId: r.id,
      after: { unit: unit.code, ...input },
    });
    return r;
  });
}

export async function changeFocalPerson(
  db: Db,
  principal: Principal,
  id: string,
  patch: FocalPatch,
  ctx: ChangeContext,
): Promise<FocalRow> {
  const f = await editableFocal(db, principal, id);
  return inTransaction(db, async (tx) => {
    if (patch.isPrimary) await unmarkPrimary(tx, f.unitId);
    const [r] = await tx
      .update(focalPersons)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(focalPersons.id, f.id), eq(focalPersons.unitId, f.unitId)))
      .returning();
    if (!r) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "focal_person.update",
      entityType: "focal_person",
      entityId: f.id,
      before: presentFocal(f),
      after: patch,
    });
    return r;
  });
}

export async function removeFocalPerson(
  db: Db,
  principal: Principal,
  id: string,
  ctx: ChangeContext,
): Promise<void> {
  const f = await editableFocal(db, principal, id);
  await inTransaction(db, async (tx) => {
    await tx.delete(focalPersons).where(eq(focalPersons.id, f.id));
    await audit(tx, ctx, {
      action: "focal_person.delete",
      entityType: "focal_person",
      entityId: f.id,
      before: presentFocal(f),
    });
  });
}
