/**
 * The unit approver's moves on the sheet: submit every draft, or the selected drafts, or recall
 * the selected submitted values — one POST /observations/transitions each, with the version the
 * page showed for every value (a value changed meanwhile refuses the whole batch: STALE_BATCH,
 * said as such). A second click while one is under way does nothing.
 */
import { Alert, Button, Group, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { type TransitionsBody, useTransitions } from "../../api/entry.js";
import type { Row } from "./sheet-rows.js";

type Action = Extract<TransitionsBody["action"], "submit" | "recall">;

export function ApproverBar({
  rows,
  selected,
  onDone,
  unsynced,
}: {
  rows: readonly Row[];
  selected: ReadonlySet<string>;
  onDone: () => void;
  /** Values typed and not yet saved: submitting now would lock the old ones. */
  unsynced: number;
}) {
  const { t } = useTranslation("entry");
  const moves = useTransitions();
  const busy = useRef(false);
  const [done, setDone] = useState<{ action: Action; count: number } | null>(null);
  const [clicked, setClicked] = useState<"all" | "submit" | "recall" | null>(null);
  const drafts = rows.filter((r) => r.cell.value && r.cell.can.submit);
  const chosenDrafts = drafts.filter((r) => selected.has(r.key));
  const chosenSubmitted = rows.filter((r) => r.cell.value && r.cell.can.recall && selected.has(r.key));

  const run = (action: Action, list: readonly Row[], button: "all" | "submit" | "recall") => {
    if (busy.current || list.length === 0) return;
    busy.current = true;
    setDone(null);
    setClicked(button);
    const items = list.flatMap((r) =>
      r.cell.value ? [{ id: r.cell.value.id, expectedVersion: r.cell.value.version }] : [],
    );
    moves
      .mutateAsync({ action, items })
      .then((a) => {
        setDone({ action, count: a.count });
        onDone();
      })
      // The refusal is shown from the mutation's error below.
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  };

  const pending = moves.isPending;
  const blocked = unsynced > 0;
  const err = moves.error;
  return (
    <section className="entry-approver" aria-label={t("approve.label")}>
      <Group gap="xs" wrap="wrap">
        <Button
          size="sm"
          onClick={() => run("submit", drafts, "all")}
          disabled={pending || blocked || drafts.length === 0}
          loading={pending && clicked === "all"}
        >
          {t("approve.submitAll", { count: drafts.length })}
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() => run("submit", chosenDrafts, "submit")}
          disabled={pending || blocked || chosenDrafts.length === 0}
          loading={pending && clicked === "submit"}
        >
          {t("approve.submitSelected", { count: chosenDrafts.length })}
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() => run("recall", chosenSubmitted, "recall")}
          disabled={pending || blocked || chosenSubmitted.length === 0}
          loading={pending && clicked === "recall"}
        >
          {t("approve.recallSelected", { count: chosenSubmitted.length })}
        </Button>
      </Group>
      {blocked && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("approve.saveFirst")}
        </Text>
      )}
      <div aria-live="polite">
        {done && !err && (
          <Alert color="green" mt="xs" py={6}>
            {t(`approve.done.${done.action}`, { count: done.count })}
          </Alert>
        )}
        {err && (
          <Alert
            color="red"
            mt="xs"
            py={6}
            title={
              err instanceof ApiError && err.code === "STALE_BATCH" ? t("approve.staleTitle") : undefined
            }
          >
            {err instanceof ApiError ? err.message : t("approve.failed")}
            {err instanceof ApiError && err.code === "STALE_BATCH" && (
              <Text size="sm" mt={4}>
                {t("approve.staleHint")}
              </Text>
            )}
          </Alert>
        )}
      </div>
    </section>
  );
}
