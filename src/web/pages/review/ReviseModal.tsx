/**
 * A reviewer's revision of an approved value: the new official figure and why (required, kept in
 * the audit and the value's revisions), with the value's history below — every revision, who made
 * it, when, and its comment. The number is read as the grid and the import read one ("12,5" or
 * "12.5"; an ambiguous "1.234" is refused with the reason).
 */
import { Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { parseLocalizedNumber, parseYesNo } from "../../../domain/numbers.js";
import { type ReviewRow, useReviseValue, useRevisions } from "../../api/review.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { Refusal } from "./ReturnModal.js";
import { showValue } from "./ReviewCells.js";
import type { IndicatorInfo } from "./review-lookups.js";
import { reasonProblem } from "./review-model.js";
import { useSingleFlight } from "./use-single-flight.js";

/** The server's limits on a revision's reason (revise: 3 to 2,000 characters). */
const REASON = { min: 3, max: 2000 } as const;

export function ReviseModal({
  row,
  title,
  info,
  onClose,
  onDone,
}: {
  row: ReviewRow | null;
  title: string;
  info: IndicatorInfo | undefined;
  onClose: () => void;
  onDone: (row: ReviewRow) => void;
}) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  const revise = useReviseValue();
  const once = useSingleFlight();
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);

  const boolean = typeof row?.value === "boolean";
  const parsed = boolean ? parseYesNo(text) : parseLocalizedNumber(text);
  const valueError =
    text.trim() === "" ? t("revise.valueRequired") : parsed.ok ? null : lang === "en" ? parsed.en : parsed.vi;
  const problem = reasonProblem(reason, REASON.min, REASON.max);

  const close = () => {
    setText("");
    setReason("");
    setTried(false);
    revise.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!row || valueError || problem || !parsed.ok) return;
    const value = parsed.value;
    once(() =>
      revise
        .mutateAsync({ id: row.id, body: { value, reason: reason.trim(), expectedVersion: row.version } })
        .then((done) => {
          onDone({ ...row, ...done });
          close();
        }),
    );
  };

  return (
    <Modal
      opened={row !== null}
      onClose={close}
      title={t("revise.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("close") }}
    >
      {row && (
        <Stack gap="sm">
          <Text size="sm">{title}</Text>
          <Text size="sm">
            {t("revise.current", { value: showValue(row.value, info, lang, t("yes"), t("no")) })}
          </Text>
          <form onSubmit={submit} noValidate className="review-form">
            <Stack gap="sm">
              <TextInput
                label={boolean ? t("revise.newAnswer") : t("revise.newValue")}
                description={boolean ? t("revise.answerHelp") : t("revise.valueHelp")}
                required
                inputMode={boolean ? "text" : "decimal"}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={tried ? valueError : undefined}
                data-autofocus
              />
              <Textarea
                label={t("revise.reason")}
                description={t("revise.reasonHelp")}
                required
                autosize
                minRows={2}
                maxLength={REASON.max}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={tried && problem ? t(`reason.${problem}`, { min: REASON.min }) : undefined}
              />
              {revise.isError && <Refusal error={revise.error} />}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={close}>
                  {t("cancel")}
                </Button>
                <Button type="submit" loading={revise.isPending}>
                  {t("revise.send")}
                </Button>
              </Group>
            </Stack>
          </form>
          <History id={row.id} info={info} />
        </Stack>
      )}
    </Modal>
  );
}

/** The value's revisions, newest first (the API answers oldest first). */
function History({ id, info }: { id: string; info: IndicatorInfo | undefined }) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  const revisions = useRevisions(id);
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <ErrorNote error={revisions.error} />;
  const items = [...revisions.data.items].reverse();
  return (
    <div className="table-scroll review-table">
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <caption className="review-caption">{t("history.title")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("history.version")}</Table.Th>
            <Table.Th scope="col" className="review-num">
              {t("col.value")}
            </Table.Th>
            <Table.Th scope="col">{t("history.status")}</Table.Th>
            <Table.Th scope="col">{t("history.by")}</Table.Th>
            <Table.Th scope="col">{t("history.comment")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.version}>
              <Table.Td>{r.version}</Table.Td>
              <Table.Td className="review-num">{showValue(r.value, info, lang, t("yes"), t("no"))}</Table.Td>
              <Table.Td>{t(`status.${r.status}`, { defaultValue: r.status })}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.changedBy}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(r.validFrom, lang)}
                </Text>
              </Table.Td>
              <Table.Td>{r.comment ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
