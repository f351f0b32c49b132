/**
 * Many values through one move at once (POST /observations/transitions): submit, recall, approve
 * or return a set of values as one command — one transaction, all or nothing, one audit entry.
 * Each value passes the same steps as a single move (change-state.ts), in the same order, so a
 * batch is refused exactly when one of its values would be refused alone:
 *   not readable → 404, not the caller's to move → 403, changed since read → 409 STALE_BATCH,
 *   in another state → 409 INVALID_STATE.
 * The refusal names every value that fails (details, by item), not only the first; nothing is
 * written. The revisions written carry the batch's id (`import_id`), and the audit entry names it
 * (`after.importId`), so GET /audit/{seq} lists each value with its before and after.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../../../../db/client.js";
import { transitionAllowed } from "../../../../domain/value-rules.js";
import type { Principal } from "../../../access/index.js";
import { allows, canReadValue, type ValueContext } from "../../../access/index.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { AppError, type ErrorDetail } from "../../../core/errors.js";
import { inTransaction } from "../../../core/transaction.js";
import { commitObservationChanges } from "../commit.js";
import type { ObservationRow, Transition } from "../model.js";
import { valuesByIdsForUpdate } from "../queries.js";
import { transitionObservations } from "../transition-many.js";
import { indicatorFacts, valueContext } from "../value-context.js";
import { currentValue } from "../version.js";
import { returnReasonRequired } from "./change-state.js";

export interface BatchItem {
  id: string;
  /** The version the caller last saw; another current version refuses the whole batch. */
  expectedVersion?: number | undefined;
}

export interface BatchResult {
  rows: ObservationRow[];
  batchId: string;
  /** The audit entry of the batch (GET /audit/{seq} lists its rows). */
  auditSeq: number | null;
}

const ACTION_VI: Record<Transition, string> = {
  submit: "gửi duyệt",
  recall: "thu hồi",
  approve: "phê duyệt",
  return: "trả lại",
};

interface Checked {
  item: BatchItem;
  index: number;
  row: ObservationRow | undefined;
  ctx: ValueContext | undefined;
}

/** The first kind of refusal any item meets (in the single move's order), naming every item that meets it. */
function refusal(principal: Principal, action: Transition, checked: readonly Checked[]): AppError | null {
  const at = (c: Checked) => `body.items.${c.index}`;
  const unseen = checked.filter((c) => !c.row || !c.ctx || !canReadValue(principal, c.ctx));
  if (unseen.length > 0)
    return new AppError(
      "NOT_FOUND",
      { entity: "observation", code: unseen[0]?.item.id ?? "" },
      unseen.map((c) => ({
        path: `${at(c)}.id`,
        message: `không có số liệu “${c.item.id}” (hoặc bạn không được xem)`,
        messageEn: `no value “${c.item.id}” (or not yours to see)`,
        value: c.item.id,
      })),
    );
  const seen = checked as readonly (Checked & { row: ObservationRow; ctx: ValueContext })[];
  const label = (c: (typeof seen)[number]) => `${c.ctx.indicatorCode} · ${c.row.period}`;
  const forbidden = seen.filter((c) => !allows(principal, `observation.${action}`, c.ctx));
  if (forbidden.length > 0)
    return new AppError(
      "FORBIDDEN",
      {},
      forbidden.map((c) => ({
        path: at(c),
        message: `${label(c)}: bạn không được ${ACTION_VI[action]} số liệu này`,
        messageEn: `${label(c)}: this value is not yours to ${action}`,
        value: c.item.id,
      })),
    );
  const stale = seen.filter(
    (c) => c.item.expectedVersion !== undefined && c.item.expectedVersion !== c.row.version,
  );
  if (stale.length > 0)
    return new AppError(
      "STALE_BATCH",
      { count: stale.length, total: checked.length },
      stale.map((c) => ({
        path: `${at(c)}.expectedVersion`,
        message: `${label(c)}: đã được sửa thành phiên bản ${c.row.version} (bạn gửi phiên bản ${c.item.expectedVersion})`,
        messageEn: `${label(c)}: changed to version ${c.row.version} (you sent version ${c.item.expectedVersion})`,
        value: { id: c.item.id, ...currentValue(c.row) },
      })),
    );
  const wrong = seen.filter((c) => !transitionAllowed(action, c.row.status));
  if (wrong.length > 0)
    return new AppError(
      "INVALID_STATE",
      { state: wrong[0]?.row.status ?? "", action },
      wrong.map((c) => ({
        path: at(c),
        message: `${label(c)}: không thể ${ACTION_VI[action]} số liệu đang ở trạng thái “${c.row.status}”`,
        messageEn: `${label(c)}: cannot ${action} a value in state “${c.row.status}”`,
        value: { id: c.item.id, status: c.row.status },
      })),
    );
  return null;
}

/** Moves every value of `items` along `action`, or none of them; answers them as they are now, in the items' order. */
export async function changeValueStates(
  db: Db,
  principal: Principal,
  action: Transition,
  items: readonly BatchItem[],
  ctx: ChangeContext,
): Promise<BatchResult> {
  if (action === "return" && !ctx.reason?.trim()) throw returnReasonRequired();
  const ids = items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw duplicateItems(ids);
  let auditSeq: number | null = null;
  const audited: ChangeContext = {
    ...ctx,
    onAudit: (head) => {
      auditSeq = head.seq;
      ctx.onAudit?.(head);
    },
  };
  return inTransaction(db, async (tx) => {
    // Locked in id order (valuesByIdsForUpdate), so two batches never wait on each other in a cycle.
    const rows = await valuesByIdsForUpdate(tx, ids);
    const facts = await indicatorFacts(tx, [...new Set(rows.map((r) => r.indicatorId))]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const checked: Checked[] = items.map((item, index) => {
      const row = byId.get(item.id);
      const f = row && facts.get(row.indicatorId);
      return { item, index, row, ctx: row && f ? valueContext(row, f) : undefined };
    });
    const refused = refusal(principal, action, checked);
    if (refused) throw refused;
    const batchId = randomUUID();
    const moved = await transitionObservations(tx, rows, action, audited, batchId);
    await commitObservationChanges(
      tx,
      rows.map((before, i) => ({ before, after: moved[i] as ObservationRow })),
    );
    await audit(tx, audited, {
      action: `observations.${action}`,
      entityType: "observation",
      rowCount: moved.length,
      after: { importId: batchId, action, count: moved.length, reason: ctx.reason ?? null },
    });
    const now = new Map(moved.map((m) => [m.id, m]));
    return { rows: ids.map((id) => now.get(id) as ObservationRow), batchId, auditSeq };
  });
}

function duplicateItems(ids: readonly string[]): AppError {
  const count = new Map<string, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  const twice = [...count].filter(([, n]) => n > 1).map(([id]) => id);
  const details: ErrorDetail[] = twice.map((id) => ({
    path: "body.items",
    message: `số liệu “${id}” có hai lần trong lô`,
    messageEn: `value “${id}” is in the batch twice`,
    value: id,
  }));
  return new AppError(
    "VALIDATION_FAILED",
    {
      summary: `body.items: ${details.map((d) => d.message).join("; ")}`,
      summaryEn: `body.items: ${details.map((d) => d.messageEn).join("; ")}`,
    },
    details,
  );
}
