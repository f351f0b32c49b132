/**
 * Collects the audit entries a request appended and, once the response is sent (its
 * transactions committed), moves the anchor in DATA_DIR forward and logs it.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { AuditAnchor, AuditHead } from "./service.js";

declare module "fastify" {
  interface FastifyRequest {
    auditHeads: AuditHead[];
  }
}

export const auditAnchorPlugin = fp(async (app: FastifyInstance, opts: { anchor: AuditAnchor }) => {
  app.decorateRequest("auditHeads", null as never);
  app.addHook("onRequest", async (req) => {
    req.auditHeads = [];
  });
  app.addHook("onResponse", async (req, reply) => {
    // A request refused by an earlier onRequest hook (an invalid API token, …) never got its list.
    const heads = req.auditHeads as AuditHead[] | null;
    if (!heads || heads.length === 0 || reply.statusCode >= 400) return;
    const head = heads.reduce((a, b) => (b.seq > a.seq ? b : a));
    if (opts.anchor.record(head)) req.log.info({ auditSeq: head.seq, auditHash: head.hash }, "audit anchor");
  });
});
