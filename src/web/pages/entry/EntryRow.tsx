/**
 * One cell of the sheet as a table row (a card's line on a phone): its name, its last twelve
 * periods, the input, status and sync state, and whatever needs saying beside it (the grid's or
 * the server's message, a lock and who may lift it, a reviewer's return, a conflict). What is
 * being typed lives here, so a keystroke redraws this row only; the row is memoised on its
 * props, which change only when its own cell, pending value or selection does.
 */
import { Badge, Text } from "@mantine/core";
import { memo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../lib/format.js";
import { formatNumber } from "../../lib/format.js";
import type { PendingValue } from "../../offline/types.js";
import { tx } from "../system/drill-shared.js";
import { ConflictNote } from "./ConflictNote.js";
import { inputText } from "./cell-input.js";
import { type Badge as BadgeKind, cellView, type LocalInvalid } from "./cell-state.js";
import { caretOf, keyAction, type Pos } from "./grid-keys.js";
import { Sparkline } from "./Sparkline.js";
import type { Row } from "./sheet-rows.js";

export interface RowActions {
  commit(row: Row, text: string): void;
  move(to: Pos): void;
  /** A block (tabs or newlines) pasted into the row's cell: true when the grid took it. */
  paste(row: Row, text: string): boolean;
  details(row: Row): void;
  toggle(row: Row): void;
  keepMine(row: Row): void;
  takeTheirs(row: Row): void;
  register(index: number, el: HTMLInputElement | null): void;
  size(): { rows: number; cols: number };
}

const BADGE_COLOR: Record<BadgeKind, string> = {
  empty: "gray",
  draft: "#5f6368",
  submitted: "#1864ab",
  approved: "#1b5e20",
  returned: "#c92a2a",
};

export function optionLabel(t: (k: string, o: Record<string, unknown>) => string, dim: string, opt: string) {
  return `${t(`disaggregations.option.${opt}`, { ns: "indicator", defaultValue: opt })} (${t(
    `disaggregations.dimension.${dim}`,
    { ns: "indicator", defaultValue: dim },
  )})`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** " · ≥ 0", " · 0–100": the bounds the grid checks, beside the indicator's code. */
function boundsText(
  b: { min: number | null; max: number | null },
  lang: Lang,
  t: (k: string, o: Record<string, string>) => string,
) {
  const n = (x: number) => formatNumber(x, lang);
  if (b.min !== null && b.max !== null) return ` · ${t("row.range", { min: n(b.min), max: n(b.max) })}`;
  if (b.min !== null) return ` · ${t("row.min", { min: n(b.min) })}`;
  if (b.max !== null) return ` · ${t("row.max", { max: n(b.max) })}`;
  return "";
}

export const EntryRow = memo(function EntryRow({
  row,
  pending,
  invalid,
  selectable,
  selected,
  lang,
  periodText,
  actions,
}: {
  row: Row;
  pending: PendingValue | undefined;
  invalid: LocalInvalid | undefined;
  /** The approver may submit or recall this value: a checkbox. */
  selectable: boolean;
  selected: boolean;
  lang: Lang;
  periodText: string;
  actions: RowActions;
}) {
  const { t } = useTranslation("entry");
  const [draft, setDraft] = useState<string | null>(null);
  const view = cellView(row.cell, pending, invalid, lang);
  const ind = row.indicator;
  const name = tx(ind.name, lang);
  const part = row.parts.map(([d, o]) => optionLabel(t, d, o)).join(", ");
  const id = `cell-${row.index}`;
  const notes: string[] = [];
  if (view.error) notes.push(`${id}-error`);
  if (view.lockMessage) notes.push(`${id}-lock`);
  if (view.returned) notes.push(`${id}-returned`);
  if (view.suspicious) notes.push(`${id}-odd`);

  const commit = () => {
    if (draft !== null && draft !== view.text) actions.commit(row, draft);
    setDraft(null);
  };

  const slots = row.cell.history.map((h) => (h && typeof h.value === "number" ? h.value : null));
  const lastFigure = slots.at(-1) ?? null;
  const unitText = ind.unit ? tx(ind.unit, lang) : null;

  return (
    <tr className={row.first ? "entry-row entry-row-first" : "entry-row entry-row-part"} data-row={row.index}>
      <th scope="row" className="entry-name">
        {row.first ? (
          <>
            <span className="entry-ind-name">{name}</span>
            <Text size="xs" c="dimmed" component="span" display="block">
              {ind.code}
              {unitText ? ` · ${unitText}` : ""}
              {boundsText(ind.bounds, lang, t)}
            </Text>
            {row.parts.length > 0 && <span className="entry-part">{part}</span>}
            {row.parts.length === 0 && ind.disaggregations.length > 0 && (
              <span className="entry-part">{t("row.total")}</span>
            )}
          </>
        ) : (
          <span className="entry-part">
            <span className="visually-hidden">{name}: </span>
            {part}
          </span>
        )}
      </th>
      {row.cell.history.map((h, i) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are the sheet's fixed history periods
          key={i}
          className={h && h.status !== "approved" ? "entry-h entry-h-unapproved" : "entry-h"}
        >
          {h ? (typeof h.value === "number" ? formatNumber(h.value, lang) : inputText(h.value, lang)) : ""}
        </td>
      ))}
      <td className="entry-spark-cell">
        {slots.some((v) => v !== null) && (
          <Sparkline
            slots={slots}
            current={typeof view.value === "number" ? view.value : null}
            suspicious={view.suspicious}
            label={t("row.historyLabel", {
              values: slots.map((v) => (v === null ? "—" : formatNumber(v, lang))).join("; "),
            })}
          />
        )}
        {lastFigure !== null && <span>{t("row.previous", { value: formatNumber(lastFigure, lang) })}</span>}
      </td>
      <td className="entry-value">
        <input
          ref={(el) => actions.register(row.index, el)}
          id={id}
          className={`entry-input${view.error ? " entry-input-error" : ""}${view.suspicious ? " entry-input-odd" : ""}${
            pending && !view.error ? " entry-input-pending" : ""
          }`}
          type="text"
          inputMode={ind.valueType === "number" ? "decimal" : "text"}
          autoComplete="off"
          spellCheck={false}
          readOnly={view.readOnly}
          aria-readonly={view.readOnly || undefined}
          aria-invalid={view.error ? true : undefined}
          aria-describedby={notes.length ? notes.join(" ") : undefined}
          aria-label={`${name}${part ? ` — ${part}` : ""}, ${periodText}`}
          placeholder={ind.valueType === "boolean" ? t("row.yesNo") : undefined}
          value={draft ?? view.text}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={commit}
          onKeyDown={(e) => {
            // Vietnamese is typed through an input method (Telex, VNI): its Enter ends a word, not the edit.
            if (e.nativeEvent.isComposing) return;
            const a = keyAction(e, { row: row.index, col: 0 }, actions.size(), caretOf(e.currentTarget));
            if (a.kind === "cancel") {
              e.preventDefault();
              setDraft(null);
            } else if (a.kind === "move") {
              e.preventDefault();
              commit();
              actions.move(a.to);
            }
          }}
          onPaste={(e) => {
            if (view.readOnly) return;
            const text = e.clipboardData.getData("text/plain");
            if (actions.paste(row, text)) {
              e.preventDefault();
              setDraft(null);
            }
          }}
        />
        {view.error && (
          <Text id={`${id}-error`} size="xs" c="red.8" role="alert">
            {view.error}
          </Text>
        )}
        {view.suspicious && (
          <Text id={`${id}-odd`} size="xs" c="orange.9">
            {t("row.suspicious")}
          </Text>
        )}
        {view.lockMessage && (
          // Folded: a month whose values are all approved would otherwise repeat it on every row.
          <details className="entry-lock">
            <summary>{t("row.lockedWhy")}</summary>
            <span id={`${id}-lock`}>{capitalize(view.lockMessage)}</span>
          </details>
        )}
        {view.returned && (
          <Text id={`${id}-returned`} size="xs" c="red.9">
            {t("row.returned", { reason: view.returned.reason ?? t("row.noReason"), by: view.returned.by })}
          </Text>
        )}
        {pending?.state === "conflict" && (
          <ConflictNote
            pending={pending}
            lang={lang}
            onKeepMine={() => actions.keepMine(row)}
            onTakeTheirs={() => actions.takeTheirs(row)}
          />
        )}
      </td>
      <td className="entry-status">
        {view.badge !== "empty" && (
          <Badge
            size="sm"
            radius="sm"
            color={BADGE_COLOR[view.badge]}
            variant="filled"
            style={{ textTransform: "none" }}
          >
            {t(`status.${view.badge}`)}
          </Badge>
        )}
        {(view.sync === "queued" || view.sync === "sending") && (
          <Text size="xs" c="orange.9" className="entry-sync">
            {t(`sync.${view.sync}`)}
          </Text>
        )}
      </td>
      <td className="entry-actions">
        {selectable && (
          <input
            type="checkbox"
            className="entry-check"
            checked={selected}
            onChange={() => actions.toggle(row)}
            aria-label={t("row.select", { name: `${name}${part ? ` — ${part}` : ""}` })}
          />
        )}
        <button
          type="button"
          className="entry-more"
          onClick={() => actions.details(row)}
          aria-label={t("row.details", { name: `${name}${part ? ` — ${part}` : ""}` })}
        >
          {t("row.detailsShort")}
        </button>
      </td>
    </tr>
  );
});
