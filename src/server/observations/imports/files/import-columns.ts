/**
 * The columns an upload (CSV or .xlsx) may have, by their Vietnamese or English headers, and the
 * checks both readers make on a row's text cells before it reaches the import.
 */

import { isWebUrl, webUrlMessage } from "../../values/evidence-url.js";
import type { ObservationInput } from "../../values/model.js";
import { type RowError, rowError } from "./source-row.js";

export type ImportField = keyof Omit<ObservationInput, "disaggregation" | "expectedVersion">;

/** Accepted column headers (lower-cased, accents kept) for each field. */
export const headerAliases: Record<ImportField, string[]> = {
  indicator: ["indicator", "mã chỉ tiêu", "ma chi tieu", "chỉ tiêu", "chi tieu"],
  unit: ["unit", "mã đơn vị", "ma don vi", "đơn vị", "don vi"],
  reporterUnit: ["reporter_unit", "reporterunit", "đơn vị báo cáo", "don vi bao cao"],
  period: ["period", "kỳ", "ky", "kỳ báo cáo", "ky bao cao"],
  value: ["value", "giá trị", "gia tri", "số liệu", "so lieu"],
  source: ["source", "nguồn", "nguon", "nguồn số liệu"],
  comment: ["comment", "ghi chú", "ghi chu"],
  evidenceUrl: ["evidence_url", "evidenceurl", "minh chứng", "minh chung", "đường dẫn minh chứng"],
};

export const REQUIRED_FIELDS = ["indicator", "unit", "period", "value"] as const;

export function fieldFor(header: string): ImportField | undefined {
  const h = header.trim().toLowerCase().normalize("NFC");
  for (const [field, aliases] of Object.entries(headerAliases))
    if (aliases.includes(h)) return field as ImportField;
  return undefined;
}

/** The error of a missing required column (on row 1, the header). */
export function missingColumn(field: (typeof REQUIRED_FIELDS)[number]): RowError {
  return rowError(
    1,
    field,
    `thiếu cột “${field}” (${headerAliases[field].slice(1, 3).join(", ")})`,
    `missing column “${field}”`,
  );
}

/** Problems with a row's evidence link (http(s) only), named by row. */
export function evidenceUrlErrors(row: number, url: string | null | undefined): RowError[] {
  return url && !isWebUrl(url) ? [rowError(row, "evidenceUrl", webUrlMessage.vi, webUrlMessage.en, url)] : [];
}
