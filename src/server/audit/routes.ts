/** Browsing and checking the audit trail: administrators and the Standing Office. */

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../contracts/common.js";
import { listEnvelope, pageQuery } from "../../contracts/pagination.js";
import { authorize } from "../access/index.js";
import { AppError, notFound } from "../core/errors.js";
import { decodeCursor, encodeCursor, page } from "../core/http/pagination.js";
import { bulkRows } from "./bulk-rows.js";
import { presentEntry } from "./presenter.js";
import { entryBySeq, listEntries } from "./queries.js";
import * as S from "./schema.js";
import { verifyChain } from "./service.js";

const tags = ["audit"];
const readers = { signedIn: true as const, roles: ["system_admin" as const, "standing_office" as const] };

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/audit",
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "Audit entries, newest first, by entity, user and time",
        querystring: S.auditListQuery,
        response: { 200: listEnvelope(S.entry), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.read", null);
      const { limit, cursor, ...filter } = req.query;
      const after = decodeCursor(cursor, 1);
      if (after && !Number.isSafeInteger(after[0])) throw new AppError("INVALID_CURSOR");
      const { rows, total } = await listEntries(db(), filter, after ? Number(after[0]) : undefined, limit);
      return page(rows, limit, total, (r) => [r.seq], presentEntry);
    },
  );

  app.get(
    "/audit/:seq",
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          "One audit entry; a bulk entry (an import) with the rows it wrote, each with before and after (paginated)",
        params: z.object({ seq: z.coerce.number().int().positive() }),
        querystring: pageQuery,
        response: {
          200: S.entry.extend({ rows: listEnvelope(S.bulkRow).nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.read", null);
      const r = await entryBySeq(db(), req.params.seq);
      if (!r) throw notFound("audit_entry", String(req.params.seq));
      const importId = (r.after as { importId?: unknown } | null)?.importId;
      let rows: z.output<ReturnType<typeof listEnvelope<typeof S.bulkRow>>> | null = null;
      if (typeof importId === "string") {
        const after = decodeCursor(req.query.cursor, 1);
        if (after && !Number.isSafeInteger(after[0])) throw new AppError("INVALID_CURSOR");
        const found = await bulkRows(
          db(),
          importId,
          after ? Number(after[0]) : undefined,
          req.query.limit + 1,
        );
        const pageRows = found.rows.slice(0, req.query.limit);
        const last = pageRows[pageRows.length - 1];
        rows = {
          items: pageRows.map(({ revisionId: _, ...row }) => row),
          total: found.total,
          nextCursor: found.rows.length > req.query.limit && last ? encodeCursor([last.revisionId]) : null,
        };
      }
      return { ...presentEntry(r), rows };
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { access: { signedIn: true, roles: ["system_admin"] } },
      schema: {
        tags,
        summary: "Walk the chain and check it against this instance's anchor; archive `head` regularly",
        response: { 200: S.verifyResult, ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.verify", null);
      return verifyChain(db(), app.deps.auditAnchor.current());
    },
  );
};
