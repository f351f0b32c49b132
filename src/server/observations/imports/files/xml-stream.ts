/**
 * A streaming (SAX) read of one XML part of a workbook: the part is never held whole, and the
 * event loop is given back every few milliseconds so other requests are answered meanwhile.
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { yieldToEventLoop } from "../../../../db/chunked.js";
import type { AppError } from "../../../core/errors.js";

export interface XmlHandlers {
  /** Element names without their namespace prefix (`x:row` is `row`). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Work done between two returns to the event loop. */
const SLICE_MS = 10;

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * Feeds the part's bytes to the handlers; after each chunk, yields what `take` has collected
 * (rows, for a sheet). A handler that throws stops the read with its error; malformed XML
 * stops it with `malformed()`.
 */
export async function* streamXml<T>(
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  take: () => T[],
  malformed: () => AppError,
): AsyncGenerator<T> {
  const parser = new SaxesParser({ position: false });
  let failure: unknown;
  const guard =
    <A extends unknown[]>(f: ((...a: A) => void) | undefined) =>
    (...a: A) => {
      if (failure !== undefined || !f) return;
      try {
        f(...a);
      } catch (err) {
        failure = err;
      }
    };
  const open = guard(handlers.open);
  const close = guard(handlers.close);
  const text = guard(handlers.text);
  parser.on("opentag", (t) => open(local(t.name), t.attributes as Record<string, string>));
  parser.on("closetag", (t) => close(local(t.name)));
  parser.on("text", (t) => text(t));
  parser.on("cdata", (t) => text(t));
  parser.on("error", () => {
    failure ??= malformed();
  });
  const decoder = new StringDecoder("utf8");
  let slice = performance.now();
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    if (failure !== undefined) throw failure;
    yield* take();
    if (performance.now() - slice > SLICE_MS) {
      await yieldToEventLoop();
      slice = performance.now();
    }
  }
  parser.write(decoder.end());
  parser.close();
  if (failure !== undefined) throw failure;
  yield* take();
}

/** Reads a part to its end for the handlers' side effects. */
export async function readXml(
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  malformed: () => AppError,
): Promise<void> {
  for await (const _ of streamXml<never>(chunks, handlers, () => [], malformed)) {
    // nothing is collected
  }
}
