/**
 * A loaded sheet being filled in: the grid, the save bar (what waits in the outbox, "Lưu"), the
 * approver's moves, the details drawer. Typing stays in the row being typed in; what is committed
 * (a cell left, a block pasted) goes to the outbox, checked here first (number, bounds) so a
 * mistake is said beside the cell before anything is sent.
 */
import { Alert, Button, Group, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EntrySheet } from "../../api/entry.js";
import type { Lang } from "../../lib/format.js";
import type { Outbox, PendingValue } from "../../offline/types.js";
import { tx } from "../system/drill-shared.js";
import { ApproverBar } from "./ApproverBar.js";
import { readCellInput } from "./cell-input.js";
import type { LocalInvalid } from "./cell-state.js";
import { EntryGrid, type RowGroup } from "./EntryGrid.js";
import type { RowActions } from "./EntryRow.js";
import { parseClipboard, planPaste } from "./paste.js";
import { type Row, sheetRows, writeFor } from "./sheet-rows.js";
import { type DetailsEdit, ValueDrawer } from "./ValueDrawer.js";

/** Whether the pending value belongs to one of these rows and still waits to be sent. */
const waiting = (p: PendingValue) => p.state === "queued" || p.state === "sending";

export function EntrySheetPanel({ sheet, outbox, lang }: { sheet: EntrySheet; outbox: Outbox; lang: Lang }) {
  const { t } = useTranslation("entry");
  const qc = useQueryClient();
  const rows = useMemo(() => sheetRows(sheet), [sheet]);
  const groups = useMemo(() => {
    const out: RowGroup[] = [];
    for (const r of rows) {
      if (r.first || out.length === 0) out.push({ code: r.indicator.code, rows: [] });
      out.at(-1)?.rows.push(r);
    }
    return out;
  }, [rows]);
  const [invalid, setInvalid] = useState<ReadonlyMap<string, LocalInvalid>>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [detailsKey, setDetailsKey] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [saveNote, setSaveNote] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const saving = useRef(false);

  // Actions read the latest state through a ref, so the object the rows get never changes.
  const latest = useRef({ rows, outbox, lang });
  latest.current = { rows, outbox, lang };
  const inputs = useRef(new Map<number, HTMLInputElement>());

  const setInvalidFor = useCallback((key: string, v: LocalInvalid | undefined) => {
    setInvalid((m) => {
      if (!v && !m.has(key)) return m;
      const copy = new Map(m);
      if (v) copy.set(key, v);
      else copy.delete(key);
      return copy;
    });
  }, []);

  const actions = useMemo<RowActions>(() => {
    const commit = (row: Row, text: string) => {
      const { outbox } = latest.current;
      const r = readCellInput(text, row.indicator.valueType, row.indicator.bounds);
      const pending = outbox.pending.get(row.key);
      if (r.kind === "invalid") {
        setInvalidFor(row.key, { text, message: r.message });
        return;
      }
      setInvalidFor(row.key, undefined);
      if (r.kind === "empty") {
        // An emptied cell goes back to its saved value: a value is removed by its reviewer, not by typing.
        if (pending) void outbox.discard(row.key);
        return;
      }
      const saved = row.cell.value?.value;
      if (!pending && saved === r.value) return;
      if (pending && saved === r.value && pending.state !== "conflict") {
        void outbox.discard(row.key);
        return;
      }
      void outbox.put(
        writeFor(
          row,
          r.value,
          pending
            ? {
                source: pending.write.source ?? null,
                comment: pending.write.comment ?? null,
                evidenceUrl: pending.write.evidenceUrl ?? null,
              }
            : {},
        ),
      );
    };
    return {
      commit,
      move: (to) => {
        const el = inputs.current.get(to.row);
        if (el) {
          el.focus();
          el.scrollIntoView({ block: "nearest", inline: "nearest" });
        }
      },
      paste: (row, text) => {
        if (!/[\t\n\r]/.test(text)) return false;
        const { rows: all, lang: l } = latest.current;
        const block = parseClipboard(text);
        const plan = planPaste(block, { row: row.index, col: 0 }, { rows: all.length, cols: 1 }, (r) => {
          const c = all[r]?.cell;
          return Boolean(c && c.lock === null && c.can.write);
        });
        for (const target of plan.targets) {
          const r = all[target.row];
          if (r) commit(r, target.text);
        }
        setNote(
          t("paste.done", { count: plan.targets.length, lng: l }) +
            (plan.skipped > 0 ? ` ${t("paste.skipped", { count: plan.skipped, lng: l })}` : ""),
        );
        return true;
      },
      details: (row) => setDetailsKey(row.key),
      toggle: (row) =>
        setSelected((s) => {
          const copy = new Set(s);
          if (copy.has(row.key)) copy.delete(row.key);
          else copy.add(row.key);
          return copy;
        }),
      keepMine: (row) => {
        const p = latest.current.outbox.pending.get(row.key);
        if (p?.server) void latest.current.outbox.put({ ...p.write, expectedVersion: p.server.version });
      },
      takeTheirs: (row) => {
        void latest.current.outbox.discard(row.key);
        void qc.invalidateQueries({ queryKey: ["org-unit-entry"] });
      },
      register: (index, el) => {
        if (el) inputs.current.set(index, el);
        else inputs.current.delete(index);
      },
      size: () => ({ rows: latest.current.rows.length, cols: 1 }),
    };
  }, [qc, setInvalidFor, t]);

  const keys = useMemo(() => new Set(rows.map((r) => r.key)), [rows]);
  const mine = [...outbox.pending.values()].filter((p) => keys.has(p.key));
  const unsynced = mine.filter(waiting).length;
  const problems = mine.length - unsynced + invalid.size;
  const selectable = useMemo(
    () =>
      new Set(rows.filter((r) => r.cell.value && (r.cell.can.submit || r.cell.can.recall)).map((r) => r.key)),
    [rows],
  );

  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    setSaveNote(null);
    try {
      const report = await outbox.sync();
      if (report.signedOut) setSaveNote({ tone: "bad", text: t("save.signedOut") });
      else if (report.failed > 0)
        setSaveNote({ tone: "bad", text: t("save.failed", { count: report.failed, sent: report.sent }) });
      else setSaveNote({ tone: "ok", text: t("save.done", { count: report.sent }) });
      await qc.invalidateQueries({ queryKey: ["org-unit-entry"] });
    } finally {
      saving.current = false;
    }
  };

  const detailsRow = detailsKey ? rows.find((r) => r.key === detailsKey) : undefined;
  const saveDetails = (row: Row, edit: DetailsEdit) => {
    const p = outbox.pending.get(row.key);
    const value = p?.write.value ?? row.cell.value?.value;
    if (value === undefined) return;
    void outbox.put(
      writeFor(row, value, { ...edit, ...(p ? { expectedVersion: p.write.expectedVersion } : {}) }),
    );
    setDetailsKey(null);
  };

  return (
    <>
      <div className="entry-savebar">
        <Group gap="sm" wrap="wrap" align="center">
          <Button
            onClick={() => void save()}
            disabled={unsynced === 0 || outbox.syncing}
            loading={outbox.syncing}
          >
            {t("save.button")}
          </Button>
          <Text size="sm" aria-live="polite">
            {unsynced > 0 ? t("save.unsynced", { count: unsynced }) : t("save.allSaved")}
            {problems > 0 ? ` ${t("save.problems", { count: problems })}` : ""}
            {!outbox.online ? ` ${t("save.offline")}` : ""}
          </Text>
        </Group>
        <div aria-live="polite">
          {saveNote && (
            <Text size="sm" c={saveNote.tone === "ok" ? "green.9" : "red.8"} mt={4}>
              {saveNote.text}
            </Text>
          )}
          {note && (
            <Text size="sm" mt={4}>
              {note}
            </Text>
          )}
        </div>
      </div>
      {selectable.size > 0 && (
        <ApproverBar
          rows={rows}
          selected={selected}
          unsynced={unsynced}
          onDone={() => setSelected(new Set())}
        />
      )}
      {rows.length === 0 ? (
        <Alert color="gray">{t("grid.empty")}</Alert>
      ) : (
        <EntryGrid
          groups={groups}
          history={sheet.history}
          period={sheet.period}
          pending={outbox.pending}
          invalid={invalid}
          selectable={selectable}
          selected={selected}
          lang={lang}
          actions={actions}
          caption={t("grid.caption", { unit: tx(sheet.unit.name, lang), period: sheet.period })}
        />
      )}
      <ValueDrawer
        row={detailsRow}
        pending={detailsRow ? outbox.pending.get(detailsRow.key) : undefined}
        history={sheet.history}
        lang={lang}
        onClose={() => setDetailsKey(null)}
        onSave={saveDetails}
      />
    </>
  );
}
