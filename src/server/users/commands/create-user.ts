/** Creating an account (administrators): without a password, a one-time link to set one is issued. */
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { enforcePolicy, hashPassword, usernamePattern } from "../../auth/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { unitIdOf, userIdByUsername } from "../queries.js";
import { issuePasswordReset } from "./password-reset.js";

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | undefined;
  unit?: string | undefined;
  password?: string | undefined;
}

/** Creates the account; returns its id. Usernames are unique case-insensitively. */
export async function createUser(db: Db, input: NewUser, ctx: ChangeContext): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username))
    throw new AppError("VALIDATION_FAILED", {
      summary: "username: 3–64 lowercase letters, digits, '.', '_' or '-'",
    });
  if (input.password) enforcePolicy(input.password, username);
  const unitId = await unitIdOf(db, input.unit);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(db, async (tx) => {
    if (await userIdByUsername(tx, username))
      throw new AppError("DUPLICATE_CODE", { code: username, entity: "user" });
    const [row] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        unitId,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
      })
      .returning({ id: users.id });
    if (!row) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      after: {
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        unit: input.unit ?? null,
      },
    });
    return row.id;
  });
}

/** An administrator creates an account; with no password given, the set-password link comes back. */
export async function createAccount(
  db: Db,
  principal: Principal,
  input: NewUser,
  ctx: ChangeContext,
): Promise<{ id: string; link: { token: string; expiresAt: Date } | null }> {
  authorize(principal, "user.create", null);
  const id = await createUser(db, input, ctx);
  const link = input.password ? null : await issuePasswordReset(db, id, ctx);
  return { id, link };
}
