/** Liveness (process up) and readiness (database reachable, migrations applied). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../contracts/common.js";
import { migrationsApplied } from "../../db/client.js";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/healthz",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["instance"],
        summary: "Liveness: the process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["instance"],
        summary: "Readiness: the database answers and every migration is applied",
        response: {
          200: z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) }),
          503: errorBody,
        },
      },
    },
    async (req, reply) => {
      const { database } = app.deps;
      let reason: string | undefined;
      try {
        if (!(await migrationsApplied(database.db))) reason = "migrations pending";
      } catch {
        reason = "database unreachable";
      }
      if (reason) {
        return reply.status(503).send({
          error: {
            code: "NOT_READY",
            message:
              req.lang === "en"
                ? `Not ready: ${reason}`
                : `Hệ thống chưa sẵn sàng: ${reason === "migrations pending" ? "chưa áp dụng đủ migration" : "không kết nối được cơ sở dữ liệu"}`,
            requestId: req.id,
          },
        });
      }
      return { status: "ready" as const, database: database.kind };
    },
  );
};
