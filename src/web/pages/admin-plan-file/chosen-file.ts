/**
 * Reading a chosen file: checked for its kind and size (plan-file-kind.ts) from its name and first
 * bytes, then read whole as UTF-8 text. Nothing is sent yet.
 */
import { PLAN_FILE_MAX_MB } from "../../../contracts/plan-file.js";
import {
  checkPlanFile,
  decodeText,
  HEAD_BYTES,
  type PlanFileFormat,
  type WrongPlanFile,
} from "./plan-file-kind.js";

export const MAX_BYTES = PLAN_FILE_MAX_MB * 1024 * 1024;

export interface ChosenPlanFile {
  name: string;
  size: number;
  format?: PlanFileFormat;
  wrong?: WrongPlanFile;
  /** The file's text, when it can be a plan file. */
  text?: string;
}

export async function readPlanFile(file: File): Promise<ChosenPlanFile> {
  const base = { name: file.name, size: file.size };
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const check = checkPlanFile(file, head, MAX_BYTES);
  if (!check.ok) return { ...base, wrong: check.wrong };
  const text = decodeText(new Uint8Array(await file.arrayBuffer()));
  return text === undefined ? { ...base, wrong: "encoding" } : { ...base, format: check.format, text };
}
