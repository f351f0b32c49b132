/** A unit's profile as its reader sees it: those working on the plan and the unit's own roles. */
import type { Executor } from "../../db/client.js";
import { authorize, type Principal, unitProfileCan } from "../access/index.js";
import { getOrgUnitByCode } from "../org-units/index.js";
import { presentProfile } from "./presenter.js";
import { focalPersonsOf, profileOf } from "./queries.js";

/** The presented profile of a unit (no permission check: callers have made theirs). */
export async function profileView(db: Executor, unit: { id: string; code: string }) {
  return presentProfile(unit.code, await profileOf(db, unit.id), await focalPersonsOf(db, unit.id));
}

export async function readUnitProfile(db: Executor, principal: Principal, code: string) {
  const unit = await getOrgUnitByCode(db, code);
  authorize(principal, "unitProfile.read", { unitId: unit.id });
  return { ...(await profileView(db, unit)), can: unitProfileCan(principal, unit.id) };
}
