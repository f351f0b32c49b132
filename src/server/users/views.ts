/** Accounts as administrators see them: what presenting needs is read in three queries, whatever the count. */
import type { Executor } from "../../db/client.js";
import type { Role } from "../access/index.js";
import { presentGrants } from "../auth/index.js";
import { AppError } from "../core/errors.js";
import { unitCodesById } from "../org-units/index.js";
import { presentUser } from "./presenter.js";
import { activeGrantsOf, getUser, type UserRow } from "./queries.js";
import type { UserView } from "./schema.js";

/** Presents accounts in the given order. */
export async function userViews(db: Executor, rows: UserRow[]): Promise<UserView[]> {
  const grants = await activeGrantsOf(
    db,
    rows.map((r) => r.id),
  );
  const presented = await presentGrants(
    db,
    grants.map((g) => ({ ...g, role: g.role as Role })),
  );
  const units = await unitCodesById(db, [
    ...new Set(rows.map((r) => r.unitId).filter((id): id is string => !!id)),
  ]);
  const withOwner = presented.map((grant, i) => ({ userId: grants[i]?.userId ?? "", grant }));
  return rows.map((r) => presentUser(r, withOwner, units));
}

/** One account by id, presented (404 when unknown). */
export async function userView(db: Executor, id: string): Promise<UserView> {
  const [view] = await userViews(db, [await getUser(db, id)]);
  if (!view) throw new AppError("INTERNAL");
  return view;
}
