/**
 * gzip for JSON answers of a useful size that were not encoded ahead (those memoised with
 * encodeJson carry their own gzip). A list of 200 indicators is ~280 KB of JSON and ~25 KB
 * gzipped: on a phone's connection that is the difference between a second and a tenth of one.
 * Streams (exports, events) are left alone.
 */
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { acceptsGzip } from "./encoded.js";

const gzipAsync = promisify(gzip);
/** Below this a gzip header and the CPU cost more than they save. */
const MIN_BYTES = 1400;

export function compressJsonAnswers(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply, payload) => {
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader("content-encoding")) return payload;
    const type = String(reply.getHeader("content-type") ?? "");
    if (!type.startsWith("application/json")) return payload;
    const size = typeof payload === "string" ? Buffer.byteLength(payload) : payload.length;
    if (size < MIN_BYTES) return payload;
    reply.header("vary", "accept-encoding");
    if (!acceptsGzip(req.headers["accept-encoding"])) return payload;
    const body = await gzipAsync(payload, { level: 6 });
    reply.header("content-encoding", "gzip");
    reply.removeHeader("content-length");
    return body;
  });
}
