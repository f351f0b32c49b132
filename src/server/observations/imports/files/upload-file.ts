/**
 * An uploaded .xlsx goes to a temporary file, never into memory: a ZIP is read from its end (the
 * central directory), so it cannot be parsed as it streams in. The size is counted on the way and
 * an upload over the cap is refused at once; the rest of the request is drained (not buffered) so
 * the client still reads the 413.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "../../../core/errors.js";

export interface SavedUpload {
  path: string;
  bytes: number;
  /** The file's first bytes (to tell what kind of file it is). */
  head: Buffer;
  remove(): Promise<void>;
}

export async function saveUpload(
  body: Readable,
  maxBytes: number,
  limitLabel: string,
  /** The Content-Length the client declared, if any: too large is refused before reading. */
  declaredBytes?: number,
): Promise<SavedUpload> {
  if (declaredBytes !== undefined && declaredBytes > maxBytes) {
    body.resume();
    throw new AppError("PAYLOAD_TOO_LARGE", { limit: limitLabel });
  }
  const dir = await mkdtemp(path.join(tmpdir(), "chinam-upload-"));
  const file = path.join(dir, "upload.xlsx");
  const remove = () => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(file);
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        body.off("data", onData);
        // Keep reading what the client still sends, discarding it, so the answer reaches it.
        body.resume();
        out.destroy();
        reject(err);
      };
      const onData = (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return fail(new AppError("PAYLOAD_TOO_LARGE", { limit: limitLabel }));
        if (!out.write(chunk)) {
          body.pause();
          out.once("drain", () => body.resume());
        }
      };
      body.on("data", onData);
      body.once("error", fail);
      body.once("aborted", () => fail(new AppError("BAD_REQUEST")));
      body.once("end", () => out.end(() => resolve()));
      out.once("error", fail);
    });
    const fh = await open(file, "r");
    const head = Buffer.alloc(16);
    try {
      await fh.read(head, 0, 16, 0);
    } finally {
      await fh.close();
    }
    return { path: file, bytes, head: head.subarray(0, Math.min(16, bytes)), remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
