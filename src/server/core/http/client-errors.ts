/**
 * Requests Node's HTTP parser refuses before Fastify sees them — headers over the size limit (431),
 * a request that is not HTTP (400), one that took too long to arrive (408) — answered in the API's
 * one error shape instead of Fastify's own. The headers were not read, so the message is in the
 * API's default language (Vietnamese) and the request id is made up here.
 */
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { AppError, type ErrorCode } from "../errors.js";

const byParserCode: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: "HEADERS_TOO_LARGE",
  ERR_HTTP_REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
};

/** The raw HTTP response for a parser error. */
export function clientErrorResponse(err: { code?: string }): string {
  const refusal = new AppError(byParserCode[err.code ?? ""] ?? "BAD_REQUEST");
  const body = JSON.stringify({
    error: { code: refusal.code, message: refusal.message_("vi"), requestId: randomUUID() },
  });
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ""}\r\n` +
    "Content-Type: application/json; charset=utf-8\r\n" +
    "Content-Language: vi\r\n" +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    "Connection: close\r\n\r\n" +
    body
  );
}

/** Fastify's `clientErrorHandler`: answers, then closes the connection (as Node does). */
export function clientErrorHandler(
  this: FastifyInstance,
  err: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has no one left to answer.
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  // The client's mistake, often a proxy's: worth a trace, never an error in the log.
  this.log.debug({ err }, "client error");
  if (socket.writable) socket.end(clientErrorResponse(err));
  else socket.destroy();
}
