/**
 * Exporting the values a caller may read, as CSV or Excel, streamed page by page through the core
 * export service (an export of millions of values is never held whole). The headers are the ones
 * the import reads, so an export imports back unchanged.
 */
import type { Executor } from "../../../db/client.js";
import type { Principal } from "../../access/index.js";
import { authorize } from "../../access/index.js";
import {
  type ExportColumn,
  type ExportFormat,
  type ExportStats,
  type ExportStream,
  keysetPages,
  streamRows,
} from "../../core/export/stream.js";
import { type ObservationFields, presentValueFields } from "../values/presenter.js";
import { valueViews } from "../values/read.js";
import { type ValueQuery, valueFilter, valuePage } from "../values/read-queries.js";

/** Values read per page. */
const PAGE = 5000;

/** The export's columns, in the import's Vietnamese headers. */
const COLUMNS: readonly ExportColumn<ObservationFields>[] = [
  { header: "mã chỉ tiêu", cell: (o) => o.indicator },
  { header: "mã đơn vị", cell: (o) => o.unit },
  { header: "kỳ", cell: (o) => o.period },
  { header: "giá trị", cell: (o) => o.value },
  { header: "trạng thái", cell: (o) => o.status },
  { header: "nguồn", cell: (o) => o.source ?? "" },
  { header: "ghi chú", cell: (o) => o.comment ?? "" },
  // Without it a re-imported export would clear every value's evidence link.
  { header: "minh chứng", cell: (o) => o.evidenceUrl ?? "" },
  { header: "phiên bản", cell: (o) => o.version },
  { header: "cập nhật", cell: (o) => o.updatedAt },
];

/** The values matching `q` that `principal` may read, in id order, as a CSV or Excel stream. */
export function exportValues(
  db: Executor,
  principal: Principal,
  q: ValueQuery,
  format: ExportFormat,
  onDone?: (stats: ExportStats) => void,
): ExportStream {
  authorize(principal, "observation.readBeyondOwn", null);
  const where = valueFilter(principal, q);
  const rows = keysetPages(
    (after: string | undefined) => valuePage(db, where, after, PAGE),
    (r) => r.id,
  );
  const pages = (async function* () {
    for await (const page of rows) yield (await valueViews(db, page)).map(presentValueFields);
  })();
  return streamRows(pages, COLUMNS, format, { sheet: "Số liệu", ...(onDone ? { onDone } : {}) });
}
