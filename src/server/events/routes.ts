/** The event stream (Server-Sent Events): dashboards refresh only what changed. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { EventClient } from "./hub.js";

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/events",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["events"],
        summary:
          "Server-Sent Events: one `change` event per committed change you may read (indicators, units, periods, values); reconnect with Last-Event-ID to receive what you missed",
        querystring: z.strictObject({ lastEventId: z.coerce.number().int().min(0).optional() }),
        produces: ["text/event-stream"],
      },
    },
    async (req, reply) => {
      const hub = app.deps.events;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": req.id,
      });
      res.write("retry: 3000\n\n");
      const client: EventClient = {
        principal: req.principal,
        send(id, data) {
          res.write(`id: ${id}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
        },
      };
      const header = req.headers["last-event-id"];
      const lastId =
        typeof header === "string" && /^\d+$/.test(header) ? Number(header) : req.query.lastEventId;
      if (lastId !== undefined) await hub.replay(client, lastId);
      const remove = hub.add(client);
      const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
      const end = () => {
        clearInterval(keepAlive);
        remove();
      };
      req.raw.on("close", end);
      res.on("error", end);
    },
  );
};
