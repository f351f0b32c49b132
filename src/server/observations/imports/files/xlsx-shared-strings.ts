/**
 * The shared-strings table of an .xlsx, which a sheet's cells point into and so must be held
 * while the sheet is read. A crafted file can make it huge, so it is capped in entries (413
 * SPREADSHEET_TOO_MANY_STRINGS) and kept compactly: UTF-8 bytes in large buffers with two offset
 * arrays, instead of millions of JavaScript strings. Its bytes already count against the
 * archive's inflated budget.
 */
import { AppError } from "../../../core/errors.js";
import { readXml } from "./xml-stream.js";

const CHUNK = 4 * 1024 * 1024;

export class SharedStrings {
  private chunks: Buffer[] = [];
  private used = CHUNK;
  private at = new Uint32Array(1024);
  private len = new Uint32Array(1024);
  count = 0;

  constructor(
    private readonly max: number,
    /** Longer entries are cut to this length (the reader refuses the cells that use them). */
    private readonly maxChars: number,
  ) {}

  add(text: string): void {
    if (this.count >= this.max) throw new AppError("SPREADSHEET_TOO_MANY_STRINGS", { limit: this.max });
    const s = text.length > this.maxChars ? text.slice(0, this.maxChars) : text;
    const bytes = Buffer.byteLength(s, "utf8");
    if (this.used + bytes > CHUNK || this.chunks.length === 0) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, bytes)));
      this.used = 0;
    }
    if (this.count === this.at.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.len = grow(this.len);
    }
    const chunk = this.chunks.length - 1;
    (this.chunks[chunk] as Buffer).write(s, this.used, "utf8");
    // One offset over all chunks: chunk index × CHUNK + position (chunks larger than CHUNK hold one entry).
    this.at[this.count] = chunk * CHUNK + this.used;
    this.len[this.count] = bytes;
    this.used += bytes;
    this.count++;
  }

  get(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const at = this.at[i] as number;
    const chunk = this.chunks[Math.floor(at / CHUNK)] as Buffer;
    const from = at % CHUNK;
    return chunk.toString("utf8", from, from + (this.len[i] as number));
  }

  /** Reads `xl/sharedStrings.xml`: each `<si>`'s text runs, without phonetic (`<rPh>`) runs. */
  async load(chunks: AsyncIterable<Buffer>, malformed: () => AppError): Promise<void> {
    let text = "";
    let inT = false;
    let phonetic = false;
    let long = false;
    await readXml(
      chunks,
      {
        open: (name) => {
          if (name === "si") {
            text = "";
            long = false;
          } else if (name === "t" && !phonetic) inT = true;
          else if (name === "rPh") phonetic = true;
        },
        close: (name) => {
          if (name === "t") inT = false;
          else if (name === "rPh") phonetic = false;
          else if (name === "si") this.add(text);
        },
        text: (t) => {
          if (!inT || long) return;
          text += t;
          // Past the cap the rest is not kept: memory stays bounded by the cap, not the file.
          if (text.length > this.maxChars) long = true;
        },
      },
      malformed,
    );
  }
}
