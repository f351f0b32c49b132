import type { Database } from "../../db/client.js";
import type { AuditAnchor } from "../audit/service.js";
import type { Config } from "../config.js";
import type { EventHub } from "../events/hub.js";
import type { Lang } from "../i18n/lang.js";

export interface AppDeps {
  config: Config;
  database: Database;
  auditAnchor: AuditAnchor;
  events: EventHub;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    lang: Lang;
  }
}
