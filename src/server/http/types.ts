import type { Database } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Lang } from "../i18n/lang.js";

export interface AppDeps {
  config: Config;
  database: Database;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    lang: Lang;
  }
}
