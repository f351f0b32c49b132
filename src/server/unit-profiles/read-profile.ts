/** A unit's profile as its reader sees it: those working on the plan and the unit's own roles. */
import type { Executor } from "../../db/client.js";
import { canReadUnitProfile, type Principal } from "../access/index.js";
import { AppError } from "../core/errors.js";
import { getOrgUnitByCode } from "../org-units/index.js";
import { presentProfile } from "./presenter.js";
import { focalPersonsOf, profileOf } from "./queries.js";

/** The presented profile of a unit (no permission check: callers have made theirs). */
export async function profileView(db: Executor, unit: { id: string; code: string }) {
  return presentProfile(unit.code, await profileOf(db, unit.id), await focalPersonsOf(db, unit.id));
}

export async function readUnitProfile(db: Executor, principal: Principal, code: string) {
  const unit = await getOrgUnitByCode(db, code);
  if (!canReadUnitProfile(principal, unit.id)) throw new AppError("FORBIDDEN");
  return profileView(db, unit);
}
