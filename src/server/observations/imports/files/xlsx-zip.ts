/**
 * The parts of an .xlsx (a ZIP archive) read one by one as streams, with every inflated byte
 * counted against one budget: a zip bomb is refused from its declared sizes before anything is
 * inflated, or — when the sizes lie — the moment the inflated bytes cross the budget.
 */
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../../../core/errors.js";
import { EXPECTED_XLSX, wrongKind } from "./file-kind.js";

/** More parts than any workbook a person makes; the directory of a crafted archive stays small. */
const MAX_ENTRIES = 10_000;

export interface XlsxArchive {
  has(name: string): boolean;
  /** The names of the parts, as stored. */
  names(): string[];
  /** The part's inflated bytes, counted against the archive's budget. */
  read(name: string): AsyncGenerator<Buffer>;
  /** Refuses at once if these parts together declare more than the budget. */
  checkDeclared(names: string[]): void;
  /**
   * Inflates these parts once, only counting (zlib alone, several hundred MB/s), and refuses if
   * they exceed the budget — so a bomb whose sizes lie is refused in well under a second, before
   * the slower XML parse of the same bytes begins.
   */
  measure(names: string[]): Promise<void>;
  close(): void;
}

export const notXlsx = (en = "a damaged ZIP archive", vi = "một tệp nén ZIP bị hỏng") =>
  wrongKind({ vi, en }, EXPECTED_XLSX);

export async function openXlsxArchive(
  file: string,
  maxInflatedBytes: number,
  limitLabel: string,
): Promise<XlsxArchive> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(
      file,
      // Sizes are checked here against the budget (a lie must not be trusted either way).
      { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false },
      (err, z) => (err || !z ? reject(notXlsx()) : resolve(z)),
    ),
  );
  const entries = new Map<string, Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (e: Entry) => {
        if (entries.size >= MAX_ENTRIES)
          return reject(
            notXlsx(`a ZIP archive of more than ${MAX_ENTRIES} files`, `một tệp nén hơn ${MAX_ENTRIES} tệp`),
          );
        entries.set(e.fileName.replace(/^\/+/, ""), e);
        zip.readEntry();
      });
      zip.once("end", () => resolve());
      zip.once("error", () => reject(notXlsx()));
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  let inflated = 0;
  const tooLarge = () => new AppError("SPREADSHEET_INFLATED_TOO_LARGE", { limit: limitLabel });
  const find = (name: string) =>
    entries.get(name) ?? [...entries].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return {
    has: (name) => find(name) !== undefined,
    names: () => [...entries.keys()],
    checkDeclared(names) {
      let declared = inflated;
      for (const n of names) declared += find(n)?.uncompressedSize ?? 0;
      if (declared > maxInflatedBytes) throw tooLarge();
    },
    async measure(names) {
      let total = 0;
      for (const name of names) {
        const entry = find(name);
        if (!entry) continue;
        const stream = await new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (err, s) => (err || !s ? reject(notXlsx()) : resolve(s))),
        );
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            total += (chunk as Buffer).length;
            if (total > maxInflatedBytes) throw tooLarge();
          }
        } catch (err) {
          if (err instanceof AppError) throw err;
          throw notXlsx();
        } finally {
          stream.destroy();
        }
      }
    },
    async *read(name) {
      const entry = find(name);
      if (!entry) return;
      if (inflated + entry.uncompressedSize > maxInflatedBytes) throw tooLarge();
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(notXlsx()) : resolve(s))),
      );
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > maxInflatedBytes) throw tooLarge();
          yield chunk;
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw notXlsx();
      } finally {
        stream.destroy();
      }
    },
    close: () => zip.close(),
  };
}
