/** Sign-in, sessions, single sign-on, the first administrator and password reset. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountRoutes } from "./routes/account-routes.js";
import { sessionRoutes } from "./routes/session-routes.js";
import { ssoRoutes } from "./routes/sso-routes.js";

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(sessionRoutes);
  await app.register(accountRoutes);
  await app.register(ssoRoutes);
};
