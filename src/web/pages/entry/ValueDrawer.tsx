/**
 * A cell's details: what the indicator is and when it is due, who last changed the value, the
 * last twelve periods as a table, and the value's source, comment and evidence link — written
 * with the value through the outbox like any edit.
 */
import { Badge, Button, Drawer, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../lib/format.js";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.js";
import type { PendingValue } from "../../offline/types.js";
import { tx } from "../system/drill-shared.js";
import { inputText } from "./cell-input.js";
import { optionLabel } from "./EntryRow.js";
import { periodLabel } from "./entry-periods.js";
import type { Row } from "./sheet-rows.js";

export interface DetailsEdit {
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
}

export function ValueDrawer({
  row,
  pending,
  history,
  lang,
  onClose,
  onSave,
}: {
  row: Row | undefined;
  pending: PendingValue | undefined;
  history: readonly string[];
  lang: Lang;
  onClose: () => void;
  onSave: (row: Row, edit: DetailsEdit) => void;
}) {
  const { t } = useTranslation("entry");
  return (
    <Drawer
      opened={row !== undefined}
      onClose={onClose}
      position="right"
      size="md"
      title={t("details.title")}
    >
      {row && (
        <DetailsBody
          key={row.key}
          row={row}
          pending={pending}
          history={history}
          lang={lang}
          onSave={onSave}
        />
      )}
    </Drawer>
  );
}

function DetailsBody({
  row,
  pending,
  history,
  lang,
  onSave,
}: {
  row: Row;
  pending: PendingValue | undefined;
  history: readonly string[];
  lang: Lang;
  onSave: (row: Row, edit: DetailsEdit) => void;
}) {
  const { t } = useTranslation("entry");
  const v = row.cell.value;
  const start = pending?.write ?? v;
  const [source, setSource] = useState(start?.source ?? "");
  const [comment, setComment] = useState(start?.comment ?? "");
  const [evidenceUrl, setEvidenceUrl] = useState(start?.evidenceUrl ?? "");
  const locked = row.cell.lock !== null || !row.cell.can.write;
  const hasValue = pending !== undefined || v !== null;
  const ind = row.indicator;
  const part = row.parts.map(([d, o]) => optionLabel(t, d, o)).join(", ");
  return (
    <Stack gap="sm">
      <div>
        <Text fw={600}>{tx(ind.name, lang)}</Text>
        <Text size="sm" c="dimmed">
          {ind.code}
          {part ? ` · ${part}` : ""} · {periodLabel(row.period, lang)}
        </Text>
        <Text size="sm">{t("details.due", { date: formatDate(ind.dueAt, lang) })}</Text>
        {v && (
          <Text size="sm">
            {t("details.changed", { who: v.updatedBy, when: formatDateTime(v.updatedAt, lang) })}{" "}
            <Badge size="xs" variant="light" style={{ textTransform: "none" }}>
              {t(`status.${v.status}`)}
            </Badge>
          </Text>
        )}
        {row.cell.lock && (
          <Text size="sm" c="dimmed">
            {lang === "vi" ? row.cell.lock.message : row.cell.lock.messageEn}
          </Text>
        )}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const clean = (s: string) => (s.trim() === "" ? null : s.trim());
          onSave(row, { source: clean(source), comment: clean(comment), evidenceUrl: clean(evidenceUrl) });
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t("details.source")}
            value={source}
            maxLength={500}
            readOnly={locked}
            onChange={(e) => setSource(e.currentTarget.value)}
          />
          <Textarea
            label={t("details.comment")}
            value={comment}
            maxLength={4000}
            autosize
            minRows={2}
            readOnly={locked}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <TextInput
            label={t("details.evidenceUrl")}
            type="url"
            value={evidenceUrl}
            maxLength={2000}
            readOnly={locked}
            placeholder="https://"
            onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
          />
          {!locked && (
            <div>
              <Button type="submit" size="sm" disabled={!hasValue}>
                {t("details.save")}
              </Button>
              {!hasValue && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t("details.needValue")}
                </Text>
              )}
            </div>
          )}
        </Stack>
      </form>
      <Table withTableBorder verticalSpacing={2} fz="sm">
        <caption className="visually-hidden">{t("details.historyCaption")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("details.period")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("details.value")}
            </Table.Th>
            <Table.Th scope="col">{t("details.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...history].reverse().map((p, i) => {
            const h = row.cell.history[history.length - 1 - i];
            return (
              <Table.Tr key={p}>
                <Table.Td>{periodLabel(p, lang)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>
                  {h
                    ? typeof h.value === "number"
                      ? formatNumber(h.value, lang)
                      : inputText(h.value, lang)
                    : "—"}
                </Table.Td>
                <Table.Td>{h ? t(`status.${h.status}`) : ""}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
