/**
 * Approved values the reviewer reviews, a page at a time, each with "Revise" when they may change
 * the official figure (a new approved revision with its reason; the previous figure stays in the
 * history the modal shows).
 */
import { Alert, Button, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReviewRow, useReviewList } from "../../api/review.js";
import { Pager, useCursorPages } from "../../components/CursorPager.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx, useUnitNames } from "../system/drill-shared.js";
import { ColumnHeads, IndicatorCell, NoteCells, showValue, ValueCells } from "./ReviewCells.js";
import { ReviseModal } from "./ReviseModal.js";
import type { IndicatorInfo } from "./review-lookups.js";
import { listQuery, PAGE_SIZE, type ReviewFilters } from "./review-model.js";

export function ApprovedTab({
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
  const list = useReviewList(listQuery("approved", filters, pages.cursor));
  const [editing, setEditing] = useState<ReviewRow | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  const rows = list.data.items;
  const label = (r: ReviewRow) => {
    const info = indicators.get(r.indicator);
    return `${info ? tx(info.name, lang) : r.indicator} · ${unitName(r.unit)} · ${r.period}`;
  };

  return (
    <Stack gap="sm">
      {done && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          onClose={() => setDone(null)}
          closeButtonLabel={t("dismiss")}
        >
          {done}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t("list.emptyApproved")}</Text>
      ) : (
        <>
          <div className="table-scroll review-table review-list">
            <Table striped withTableBorder verticalSpacing={6}>
              <caption className="visually-hidden">{t("list.captionApproved")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <ColumnHeads who="approved" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const info = indicators.get(r.indicator);
                  return (
                    <Table.Tr key={r.id} data-row={r.id}>
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
                      <NoteCells row={r} who="approved" />
                      <Table.Td className="review-actions">
                        {r.can.revise && (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            aria-label={t("row.reviseLabel", { name: label(r) })}
                            onClick={() => setEditing(r)}
                          >
                            {t("row.revise")}
                          </Button>
                        )}
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
      <ReviseModal
        row={editing}
        title={editing ? label(editing) : ""}
        info={editing ? indicators.get(editing.indicator) : undefined}
        onClose={() => setEditing(null)}
        onDone={(r) =>
          setDone(
            t("done.revise", {
              name: label(r),
              value: showValue(r.value, indicators.get(r.indicator), lang, t("yes"), t("no")),
            }),
          )
        }
      />
    </Stack>
  );
}
