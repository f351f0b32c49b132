/** One row of an upload as the readers (CSV, XLSX, JSON) hand it to the import, and its errors. */
import type { ErrorDetail } from "../../../core/errors.js";
import type { ObservationInput } from "../../values/model.js";

export interface RowError extends Omit<ErrorDetail, "column"> {
  /** 1-based row number as the user sees it (data rows; a file's header is row 1). */
  row: number;
  /** The column (field) name. */
  column: string;
}

/** One row of an upload: the value it holds, or the problems found reading it from the file. */
export interface SourceRow {
  row: number;
  input?: ObservationInput;
  errors?: RowError[];
}

export function rowError(row: number, column: string, vi: string, en: string, value?: unknown): RowError {
  return {
    row,
    column,
    path: column,
    value,
    message: `Dòng ${row}, cột ${column}: ${vi}`,
    messageEn: `Row ${row}, column ${column}: ${en}`,
  };
}
