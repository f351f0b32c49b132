import type { Database } from "../db/client.js";
import type { AuditAnchor } from "./audit/index.js";
import type { Config } from "./core/config.js";
import type { Lang } from "./core/lang.js";
import type { EventHub } from "./events/index.js";

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
