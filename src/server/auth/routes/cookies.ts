/** What the auth routes share: the session cookie every sign-in sets, the context of anonymous changes, the tag. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ChangeContext } from "../../core/change-context.js";
import type { Config } from "../../core/config.js";
import { SESSION_COOKIE } from "../route-access.js";

export const tags = ["session"];

/** Secure cookies when the platform is reached over https. */
export const secureCookies = (config: Config) => config.PUBLIC_URL?.startsWith("https://") ?? false;

export function sessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(config),
    sameSite: "lax",
    path: "/",
    maxAge: config.SESSION_MAX_HOURS * 3600,
  });
}

/** The context of a change made before anyone is signed in: the command names the actor. */
export function anonymousContext(req: FastifyRequest): Omit<ChangeContext, "actor"> {
  return { requestId: req.id, ip: req.ip, onAudit: (h) => req.auditHeads.push(h) };
}
