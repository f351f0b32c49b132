/**
 * Facts about this instance that clients show before anyone signs in: version, database kind,
 * demo marker, and how people sign in here (single sign-on offered, second factor required).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { oidcEnabled } from "../auth/index.js";
import { APP_VERSION } from "../core/version.js";
import { instanceFacts } from "./queries.js";

export const instanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/instance",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["instance"],
        summary: "Instance facts: version, database, demo marker, seeds applied",
        response: {
          200: z.object({
            name: z.string(),
            version: z.string(),
            database: z.enum(["pglite", "postgres"]),
            demo: z.boolean().describe("True on a demo instance (`npm run demo`): its data is not real."),
            seeds: z.record(z.string(), z.unknown()),
            signIn: z
              .object({
                password: z.literal(true).describe("Username and password (with TOTP once enrolled)"),
                sso: z
                  .object({
                    startUrl: z.string().describe("Open this URL to sign in with the OIDC provider"),
                  })
                  .nullable()
                  .describe("Single sign-on through OpenID Connect; null when not configured"),
                totpRequiredForAdmins: z
                  .boolean()
                  .describe("Administrators must enrol a second factor before anything else"),
              })
              .describe("How people sign in on this instance: what the sign-in page offers"),
          }),
        },
      },
    },
    async () => {
      const { config, database } = app.deps;
      const meta = await instanceFacts(database.db);
      const seeds = Object.fromEntries(
        meta.filter((m) => m.key.startsWith("seed:")).map((m) => [m.key.slice(5), m.value]),
      );
      const demo = config.DEMO || meta.some((m) => m.key === "demo" && m.value === true);
      const signIn = {
        password: true as const,
        sso: oidcEnabled(config) ? { startUrl: "/api/v1/session/oidc/start" } : null,
        totpRequiredForAdmins: config.REQUIRE_TOTP_FOR_ADMINS,
      };
      return { name: "Chỉ Nam", version: APP_VERSION, database: database.kind, demo, seeds, signIn };
    },
  );
};
