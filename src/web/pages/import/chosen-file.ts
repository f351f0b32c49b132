/**
 * The file the user chose, checked for its kind (file-kind.ts) from its name and first bytes, with
 * the Idempotency-Key its commit will be sent under: made once per chosen file, so a double click,
 * a retry after a lost answer or a second tab's resend all reach the server as the same import.
 */
import { checkFile, type FileCheck, HEAD_BYTES, type UploadKind, type WrongKind } from "./file-kind.js";

export interface ChosenFile {
  file: File;
  /** Set when the file can be sent. */
  kind?: UploadKind;
  /** Set when it cannot: what it is instead. */
  wrong?: WrongKind;
  /** The server's words when it refused the file as a whole (e.g. a .docx renamed .xlsx). */
  refusedBy?: string;
  commitKey: string;
}

/** A fresh key (8–80 characters of [\w-], as the route's `key` reader accepts). */
export function newKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export async function readChosen(file: File): Promise<ChosenFile> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const c: FileCheck = checkFile(file, head);
  return { file, ...(c.ok ? { kind: c.kind } : { wrong: c.wrong }), commitKey: newKey("import") };
}
