/** Single sign-on: the provider's answer identifies (links, or creates) the account; a session starts. */
import type { Db } from "../../../db/client.js";
import type { ChangeContext } from "../../core/change-context.js";
import type { Config } from "../../core/config.js";
import { finishLogin, type PendingLogin } from "../oidc.js";
import type { NewSession } from "../sessions.js";
import { type ClientMeta, openSession } from "./sign-in.js";

export async function signInWithSso(
  db: Db,
  config: Config,
  callbackUrl: URL,
  pending: PendingLogin,
  client: ClientMeta,
  ctx: Omit<ChangeContext, "actor">,
): Promise<NewSession> {
  const userId = await finishLogin(db, config, callbackUrl, pending, ctx);
  return openSession(db, config, userId, client);
}
