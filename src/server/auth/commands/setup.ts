/** The first administrator, created with the one-time link printed at first start (only while there is no account). */
import type { Db } from "../../../db/client.js";
import { roleAssignments, users } from "../../../db/schema/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { hashPassword } from "../passwords.js";
import { consume, enforcePolicy, userCount, usernamePattern } from "../service.js";

/** First administrator, from the link printed at first start. */
export async function completeSetup(
  db: Db,
  input: { token: string; username: string; displayName: string; password: string },
  ctx: Omit<ChangeContext, "actor">,
): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username))
    throw new AppError("VALIDATION_FAILED", {
      summary: "username: 3–64 lowercase letters, digits, '.', '_' or '-'",
    });
  enforcePolicy(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if ((await userCount(tx)) > 0) {
      await consume(tx, "bootstrap_admin", input.token).catch(() => undefined);
      throw new AppError("SETUP_DONE");
    }
    await consume(tx, "bootstrap_admin", input.token);
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: input.displayName, passwordHash, passwordChangedAt: new Date() })
      .returning({ id: users.id });
    if (!user) throw new AppError("INTERNAL");
    await tx.insert(roleAssignments).values({ userId: user.id, role: "system_admin", grantedBy: user.id });
    await audit(
      tx,
      { ...ctx, actor: username, actorUserId: user.id },
      {
        action: "setup.first_admin",
        entityType: "user",
        entityId: user.id,
        after: { username, displayName: input.displayName, role: "system_admin" },
      },
    );
    return user.id;
  });
}
