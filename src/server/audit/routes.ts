/** Browsing and checking the audit trail: administrators and the Standing Office. */
import { and, count, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditLog } from "../../db/schema/index.js";
import { authorize } from "../access/index.js";
import { AppError, notFound } from "../core/errors.js";
import { errorResponses } from "../core/http/common-schemas.js";
import { decodeCursor, encodeCursor, listEnvelope, page, pageQuery } from "../core/http/pagination.js";
import { bulkRows } from "./bulk-rows.js";
import { verifyChain } from "./service.js";

const tags = ["audit"];
const readers = { signedIn: true as const, roles: ["system_admin" as const, "standing_office" as const] };

const entry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  actorUserId: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  rowCount: z.number().nullable(),
  fileHash: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

function presentEntry(r: typeof auditLog.$inferSelect): z.output<typeof entry> {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    actorUserId: r.actorUserId,
    role: r.role,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    rowCount: r.rowCount,
    fileHash: r.fileHash,
    requestId: r.requestId,
    ip: r.ip,
    hash: r.hash,
  };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/audit",
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "Audit entries, newest first, by entity, user and time",
        querystring: pageQuery.extend({
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(200).optional(),
          actorUserId: z.uuid().optional(),
          actor: z.string().max(200).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: listEnvelope(entry), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.read", null);
      const q = req.query;
      const conds: (SQL | undefined)[] = [
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
        q.actor ? eq(auditLog.actor, q.actor) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
      ];
      const after = decodeCursor(q.cursor, 1);
      if (after && !Number.isSafeInteger(after[0])) throw new AppError("INVALID_CURSOR");
      const rows = await db()
        .select()
        .from(auditLog)
        .where(and(...conds, after ? lt(auditLog.seq, Number(after[0])) : undefined))
        .orderBy(desc(auditLog.seq))
        .limit(q.limit + 1);
      const [total] = await db()
        .select({ n: count() })
        .from(auditLog)
        .where(and(...conds));
      return page(rows, q.limit, Number(total?.n ?? 0), (r) => [r.seq], presentEntry);
    },
  );

  const bulkRow = z.object({
    observationId: z.string(),
    indicator: z.string(),
    unit: z.string(),
    period: z.string(),
    disaggregation: z.record(z.string(), z.string()),
    before: z
      .object({
        value: z.union([z.number(), z.boolean()]).nullable(),
        status: z.string(),
        version: z.number(),
      })
      .nullable(),
    after: z.object({
      value: z.union([z.number(), z.boolean()]).nullable(),
      status: z.string(),
      version: z.number(),
    }),
  });

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
          200: entry.extend({ rows: listEnvelope(bulkRow).nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.read", null);
      const [r] = await db().select().from(auditLog).where(eq(auditLog.seq, req.params.seq));
      if (!r) throw notFound("audit_entry", String(req.params.seq));
      const importId = (r.after as { importId?: unknown } | null)?.importId;
      let rows: z.output<ReturnType<typeof listEnvelope<typeof bulkRow>>> | null = null;
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
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
            brokenAt: z.object({ seq: z.number(), reason: z.string() }).optional(),
            anchor: z.object({ seq: z.number(), hash: z.string(), status: z.string() }).optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      authorize(req.principal, "audit.read", null);
      return verifyChain(db(), app.deps.auditAnchor.current());
    },
  );
};
