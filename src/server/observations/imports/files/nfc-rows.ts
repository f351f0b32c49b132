/**
 * Uploaded rows with their text in Unicode NFC, as JSON bodies and query strings already are at
 * the edge (http/text-input.ts): a CSV or Excel cell typed as decomposed "Hà Nội" is stored as
 * the same text as the composed one. File readers may call `nfcInput` themselves; the import runs
 * every row through `nfcRows`, so nothing a reader yields escapes it.
 */
import { nfc } from "../../../core/http/text-input.js";
import type { ObservationInput } from "../../values/model.js";
import type { SourceRow } from "./source-row.js";

const text = <T extends string | null | undefined>(s: T): T => (typeof s === "string" ? (nfc(s) as T) : s);

/** The text fields of one value in NFC (numbers and yes/no untouched). */
export function nfcInput(input: ObservationInput): ObservationInput {
  return {
    ...input,
    indicator: nfc(input.indicator),
    unit: nfc(input.unit),
    reporterUnit: text(input.reporterUnit),
    period: nfc(input.period),
    source: text(input.source),
    comment: text(input.comment),
    evidenceUrl: text(input.evidenceUrl),
    ...(input.disaggregation
      ? {
          disaggregation: Object.fromEntries(
            Object.entries(input.disaggregation).map(([k, v]) => [nfc(k), nfc(v)]),
          ),
        }
      : {}),
  };
}

/** Every row of an upload with its value's text in NFC. */
export async function* nfcRows(
  source: Iterable<SourceRow> | AsyncIterable<SourceRow>,
): AsyncGenerator<SourceRow> {
  for await (const row of source) yield row.input ? { ...row, input: nfcInput(row.input) } : row;
}
