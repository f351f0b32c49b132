/**
 * The submitted values the reviewer may approve or return, a page at a time: each row approved or
 * returned alone, or many through the checkboxes (the page's at once from the header) as one
 * command — all or nothing. A batch refused because some values changed meanwhile (STALE_BATCH)
 * names them, and the list is reloaded to show them as they are now.
 */
import { Alert, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { type ReviewRow, useMoveValues, useReviewList } from "../../api/review.js";
import { Pager, useCursorPages } from "../../components/CursorPager.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx, useUnitNames } from "../system/drill-shared.js";
import { Refusal, ReturnModal } from "./ReturnModal.js";
import { ColumnHeads, IndicatorCell, NoteCells, ValueCells } from "./ReviewCells.js";
import type { IndicatorInfo } from "./review-lookups.js";
import {
  batchItems,
  keepShown,
  listQuery,
  type Move,
  movable,
  namedItems,
  PAGE_SIZE,
  pageSelection,
  type ReviewFilters,
  toggle,
  togglePage,
} from "./review-model.js";
import { useSingleFlight } from "./use-single-flight.js";

type Outcome =
  | { kind: "done"; move: Move; count: number }
  | { kind: "refused"; error: unknown; named: string[] };

export function QueueTab({
  filters,
  plan,
  indicators,
}: {
  filters: ReviewFilters;
  plan: string;
  indicators: Map<string, IndicatorInfo>;
}) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  const unitName = useUnitNames();
  const pages = useCursorPages();
  const list = useReviewList(listQuery("submitted", filters, pages.cursor));
  const move = useMoveValues();
  const once = useSingleFlight();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The rows a return is being written for (the modal is open while set).
  const [returning, setReturning] = useState<ReviewRow[] | null>(null);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  const rows = list.data.items;
  const selected = keepShown(rows, picked);
  const label = (r: ReviewRow) => {
    const info = indicators.get(r.indicator);
    return `${info ? tx(info.name, lang) : r.indicator} · ${unitName(r.unit)} · ${r.period}`;
  };

  /** Sends a move; resolves with the refusal (null when done). A stale batch is reported on the page. */
  const send = (m: Move, chosen: ReviewRow[], reason?: string): Promise<unknown> =>
    new Promise((resolve) => {
      const { items } = batchItems(chosen, new Set(chosen.map((r) => r.id)), m);
      if (items.length === 0) return resolve(null);
      once(() => {
        setOutcome(null);
        return move
          .mutateAsync({ action: m, items, ...(reason ? { reason } : {}) })
          .then((done) => {
            setOutcome({ kind: "done", move: m, count: done.count });
            setPicked((s) => new Set([...s].filter((id) => !items.some((i) => i.id === id))));
            resolve(null);
          })
          .catch((error: unknown) => {
            const stale = error instanceof ApiError && error.code === "STALE_BATCH";
            if (stale || m === "approve") {
              setOutcome({
                kind: "refused",
                error,
                named: namedItems(error instanceof ApiError ? error.details : [], items),
              });
              resolve(null);
            } else resolve(error);
          });
      });
    });

  const chosen = rows.filter((r) => selected.has(r.id));
  const approvable = batchItems(rows, selected, "approve").items.length;
  const returnable = batchItems(rows, selected, "return").items.length;
  const header = pageSelection(rows, selected);
  const named = new Set(outcome?.kind === "refused" ? outcome.named : []);

  return (
    <Stack gap="sm">
      {outcome?.kind === "done" && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          onClose={() => setOutcome(null)}
          closeButtonLabel={t("dismiss")}
        >
          {t(`done.${outcome.move}`, { count: outcome.count })}
        </Alert>
      )}
      {outcome?.kind === "refused" && <Refusal error={outcome.error} title={t("refused")} />}
      {rows.length === 0 ? (
        <Text c="dimmed">{t("list.emptySubmitted")}</Text>
      ) : (
        <>
          <Group gap="xs" className="review-bulk" role="group" aria-label={t("bulk.label")}>
            <Text size="sm" aria-live="polite">
              {t("bulk.selected", { count: chosen.length })}
            </Text>
            <Button
              size="xs"
              disabled={approvable === 0}
              loading={
                move.isPending && move.variables?.action === "approve" && move.variables.items.length > 1
              }
              onClick={() => void send("approve", chosen)}
            >
              {t("bulk.approve", { count: approvable })}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              disabled={returnable === 0}
              onClick={() => setReturning(chosen.filter((r) => r.can.return))}
            >
              {t("bulk.return", { count: returnable })}
            </Button>
          </Group>
          <div className="table-scroll review-table review-list">
            <Table striped withTableBorder verticalSpacing={6}>
              <caption className="visually-hidden">{t("list.captionSubmitted")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" className="review-check">
                    <input
                      type="checkbox"
                      aria-label={t("bulk.selectPage")}
                      checked={header === "all"}
                      ref={(el) => {
                        if (el) el.indeterminate = header === "some";
                      }}
                      disabled={!rows.some(movable)}
                      onChange={() => setPicked(togglePage(rows, selected))}
                    />
                  </Table.Th>
                  <ColumnHeads who="submitted" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const info = indicators.get(r.indicator);
                  const name = label(r);
                  return (
                    <Table.Tr
                      key={r.id}
                      className={named.has(r.id) ? "review-stale" : undefined}
                      data-row={r.id}
                    >
                      <Table.Td className="review-check">
                        {movable(r) && (
                          <input
                            type="checkbox"
                            aria-label={t("bulk.selectOne", { name })}
                            checked={selected.has(r.id)}
                            onChange={() => setPicked(toggle(selected, r.id))}
                          />
                        )}
                      </Table.Td>
                      <Table.Td className="review-unit" data-label={t("col.unit")}>
                        {unitName(r.unit)}
                      </Table.Td>
                      <Table.Td className="review-indicator" data-label={t("col.indicator")}>
                        <IndicatorCell row={r} info={info} plan={plan} />
                      </Table.Td>
                      <Table.Td className="review-nowrap" data-label={t("col.period")}>
                        {r.period}
                      </Table.Td>
                      <ValueCells row={r} info={info} />
                      <NoteCells row={r} who="submitted" />
                      <Table.Td className="review-actions">
                        <Group gap={6} wrap="nowrap">
                          {r.can.approve && (
                            <Button
                              size="compact-sm"
                              aria-label={t("row.approveLabel", { name })}
                              loading={
                                move.isPending &&
                                move.variables?.items.length === 1 &&
                                move.variables.items[0]?.id === r.id
                              }
                              onClick={() => void send("approve", [r])}
                            >
                              {t("row.approve")}
                            </Button>
                          )}
                          {r.can.return && (
                            <Button
                              size="compact-sm"
                              variant="outline"
                              color="red.9"
                              aria-label={t("row.returnLabel", { name })}
                              onClick={() => setReturning([r])}
                            >
                              {t("row.return")}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Pager
            pages={pages}
            nextCursor={list.data.nextCursor}
            total={list.data.total}
            shown={rows.length}
            pageSize={PAGE_SIZE}
          />
        </>
      )}
      <ReturnModal
        labels={returning?.map(label) ?? null}
        pending={move.isPending}
        onClose={() => setReturning(null)}
        onSubmit={(reason) => send("return", returning ?? [], reason)}
      />
    </Stack>
  );
}
