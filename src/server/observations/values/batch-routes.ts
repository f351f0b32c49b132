/**
 * Many values through one move at once over HTTP (the review queue's "approve all", "return all",
 * an approver submitting a month): parse, one command, present, reply.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../contracts/common.js";
import { changeContext } from "../../core/change-context.js";
import { changeValueStates } from "./commands/change-states.js";
import { presentObservation } from "./presenter.js";
import { valueViews } from "./read.js";
import { tags, transitionsBody, transitionsResult } from "./schema.js";

export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/observations/transitions",
    {
      config: {
        access: {
          signedIn: true,
          roles: ["unit_approver", "system_admin", "standing_office", "chief_engineer"],
        },
      },
      schema: {
        tags,
        summary:
          "Submit, recall, approve or return many values at once (each by its own rule, as one by one): all or nothing, one audit entry; a value changed since you read it refuses the whole batch (409 STALE_BATCH); to return, a reason is required",
        body: transitionsBody,
        response: { 200: transitionsResult, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (req) => {
      const { action, reason, items } = req.body;
      const out = await changeValueStates(db(), req.principal, action, items, changeContext(req, reason));
      const views = await valueViews(db(), out.rows);
      return {
        action,
        count: out.rows.length,
        batchId: out.batchId,
        auditSeq: out.auditSeq,
        items: views.map((v) => presentObservation(v, req.principal)),
      };
    },
  );
};
