/**
 * The cells a review row shows, shared by the submitted and approved lists: the unit, the
 * indicator (name, code, link), the disaggregation, the value with its unit beside the period
 * before and the change (a jump is marked: typos show as jumps), who sent it when, and the
 * comment and source.
 */
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ReviewRow } from "../../api/review.js";
import { currentLanguage, type Language } from "../../i18n/index.js";
import { formatDateTime, formatNumber, formatPercent } from "../../lib/format.js";
import { formatValue } from "../system/drill-format.js";
import { tx } from "../system/drill-shared.js";
import type { IndicatorInfo } from "./review-lookups.js";
import { changeFrom } from "./review-model.js";

export function showValue(
  v: number | boolean,
  info: IndicatorInfo | undefined,
  lang: Language,
  yes: string,
  no: string,
) {
  if (typeof v === "boolean") return v ? yes : no;
  return formatValue(v, info?.unit ?? null, lang);
}

/** The indicator's name linked to its page, the code and any disaggregation below. */
export function IndicatorCell({
  row,
  info,
  plan,
}: {
  row: ReviewRow;
  info: IndicatorInfo | undefined;
  plan: string;
}) {
  const lang = currentLanguage();
  const parts = Object.entries(row.disaggregation).map(([k, v]) => `${k}: ${v}`);
  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(p) => (
          <Link {...p} to="/indicators/$code" params={{ code: row.indicator }} search={{ plan }} />
        )}
      >
        {info ? tx(info.name, lang) : row.indicator}
      </Anchor>
      <Text size="xs" c="dimmed">
        {row.indicator}
        {parts.length > 0 ? ` · ${parts.join(", ")}` : ""}
      </Text>
    </>
  );
}

/** The lists' column headings after the selection box: both tabs show the same columns. */
export function ColumnHeads({ who }: { who: "submitted" | "approved" }) {
  const { t } = useTranslation("review");
  return (
    <>
      <Table.Th scope="col">{t("col.unit")}</Table.Th>
      <Table.Th scope="col">{t("col.indicator")}</Table.Th>
      <Table.Th scope="col">{t("col.period")}</Table.Th>
      <Table.Th scope="col" className="review-num">
        {t("col.value")}
      </Table.Th>
      <Table.Th scope="col" className="review-num">
        {t("col.previous")}
      </Table.Th>
      <Table.Th scope="col" className="review-num">
        {t("col.change")}
      </Table.Th>
      <Table.Th scope="col">{t(`col.${who}`)}</Table.Th>
      <Table.Th scope="col">{t("col.note")}</Table.Th>
      <Table.Th scope="col">{t("col.actions")}</Table.Th>
    </>
  );
}

/** Value, the period before and the change, as three cells. */
export function ValueCells({ row, info }: { row: ReviewRow; info: IndicatorInfo | undefined }) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  const yes = t("yes");
  const no = t("no");
  const prev = row.previous ?? null;
  const change = changeFrom(row.value, prev?.value);
  return (
    <>
      <Table.Td className="review-num" data-label={t("col.value")}>
        <Text size="sm" fw={600} span>
          {showValue(row.value, info, lang, yes, no)}
        </Text>
      </Table.Td>
      <Table.Td className="review-num" data-label={t("col.previous")}>
        {prev ? (
          <>
            <Text size="sm" span>
              {showValue(prev.value, info, lang, yes, no)}
            </Text>
            <Text size="xs" c="dimmed">
              {prev.period}
              {prev.status !== "approved" ? ` · ${t(`status.${prev.status}`)}` : ""}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" span>
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td className="review-num" data-label={t("col.change")}>
        {change ? (
          <Text size="sm" span className={change.large ? "review-jump" : undefined}>
            {change.delta > 0 ? "+" : change.delta < 0 ? "−" : ""}
            {formatNumber(Math.abs(change.delta), lang)}
            {change.ratio !== null && change.delta !== 0
              ? ` (${formatPercent(Math.abs(change.ratio), lang)})`
              : ""}
            {change.large && <span className="visually-hidden">{` ${t("list.largeChange")}`}</span>}
            {change.large && (
              <span aria-hidden className="review-jump-mark" title={t("list.largeChange")}>
                {" ⚠"}
              </span>
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" span>
            —
          </Text>
        )}
      </Table.Td>
    </>
  );
}

/** Who last moved it and when; the comment and the source. */
export function NoteCells({ row, who }: { row: ReviewRow; who: "submitted" | "approved" }) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  return (
    <>
      <Table.Td data-label={t(`col.${who}`)}>
        <Text size="sm">{row.updatedBy}</Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(row.updatedAt, lang)}
        </Text>
      </Table.Td>
      <Table.Td className="review-note" data-label={t("col.note")}>
        {row.comment && <Text size="sm">{row.comment}</Text>}
        {row.source && (
          <Text size="xs" c="dimmed">
            {row.source}
          </Text>
        )}
        {!row.comment && !row.source && (
          <Text size="sm" c="dimmed" span>
            —
          </Text>
        )}
      </Table.Td>
    </>
  );
}
