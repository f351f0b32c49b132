/**
 * The observations module over HTTP: one plugin registering its capabilities — values and their
 * workflow (values/routes.ts, and many at once: values/batch-routes.ts), a unit's entry sheet
 * (entry/routes.ts), imports (imports/routes.ts), exports (exports/routes.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { XLSX_TYPE } from "../core/export/xlsx-writer.js";
import { entryRoutes } from "./entry/routes.js";
import { exportRoutes } from "./exports/routes.js";
import { importRoutes } from "./imports/routes.js";
import { batchRoutes } from "./values/batch-routes.js";
import { valueRoutes } from "./values/routes.js";

export const observationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Uploads arrive as streams, never buffered whole: CSV is parsed as it comes, .xlsx is written
  // to a temporary file (a ZIP is read from its end) and its sheet parsed as it inflates. Added
  // here, for every observations route, as it always was.
  app.addContentTypeParser(["text/csv", "application/csv", XLSX_TYPE], (_req, payload, done) =>
    done(null, payload),
  );
  await app.register(valueRoutes);
  await app.register(batchRoutes);
  await app.register(entryRoutes);
  await app.register(importRoutes);
  await app.register(exportRoutes);
};
