/**
 * The rows the server refused: row, column, value and its message in the page's language, 50 to a
 * page, in a box that scrolls on its own (a phone scrolls the table, not the page). The box takes
 * the keyboard's focus so it can be scrolled without a mouse.
 */
import { Group, Pagination, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { pageOf, type RowErrorView } from "./dry-run-view.js";

const PAGE = 50;
const KNOWN_COLUMNS = new Set([
  "indicator",
  "unit",
  "reporterUnit",
  "period",
  "value",
  "source",
  "comment",
  "evidenceUrl",
  "disaggregation",
]);

export function ErrorTable({ errors, more }: { errors: RowErrorView[]; more: number }) {
  const { t } = useTranslation("import");
  const [page, setPage] = useState(1);
  const shown = pageOf(errors, page, PAGE);
  const column = (c: string) => (c === "" ? t("errors.file") : KNOWN_COLUMNS.has(c) ? t(`columns.${c}`) : c);
  return (
    <div>
      {/* A scrolling box must take focus to be scrolled by keyboard (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      <section className="import-errors" tabIndex={0} aria-label={t("errors.region")}>
        <Table striped withTableBorder verticalSpacing={4} stickyHeader>
          <caption className="visually-hidden">{t("errors.caption", { count: errors.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="import-num">
                {t("errors.row")}
              </Table.Th>
              <Table.Th scope="col">{t("errors.column")}</Table.Th>
              <Table.Th scope="col">{t("errors.value")}</Table.Th>
              <Table.Th scope="col">{t("errors.message")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.items.map((e) => (
              <Table.Tr key={e.id}>
                {/* data-label: on a phone each row is a small card, its cells labelled (import.css). */}
                <Table.Td className="import-num" data-label={t("errors.row")}>
                  {e.row}
                </Table.Td>
                <Table.Td data-label={t("errors.column")}>{column(e.column)}</Table.Td>
                <Table.Td className="import-value" data-label={t("errors.value")}>
                  {e.value}
                </Table.Td>
                <Table.Td className="import-message">{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="xs" c="gray.7">
          {more > 0 ? t("errors.more", { count: more }) : t("errors.count", { count: errors.length })}
        </Text>
        {shown.pages > 1 && (
          <Pagination
            total={shown.pages}
            value={Math.min(page, shown.pages)}
            onChange={setPage}
            size="sm"
            getControlProps={(c) => ({
              "aria-label":
                c === "previous" ? t("errors.previous") : c === "next" ? t("errors.next") : undefined,
            })}
            getItemProps={(p) => ({ "aria-label": t("errors.page", { page: p }) })}
          />
        )}
      </Group>
    </div>
  );
}
