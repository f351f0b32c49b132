/** Facts about this instance that clients show: version, database kind, demo marker. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
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
      return { name: "Chỉ Nam", version: APP_VERSION, database: database.kind, demo, seeds };
    },
  );
};
