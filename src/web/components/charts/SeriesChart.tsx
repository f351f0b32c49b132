/** An indicator's series with its forecast bands and target line, and the same data as a table. */
import { Table } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { Chart } from "./LazyChart.js";
import { type SeriesInput, seriesOption } from "./series-option.js";

export function SeriesChart({
  series,
  title,
  height = 300,
}: {
  series: SeriesInput;
  title: string;
  height?: number;
}) {
  const { t } = useTranslation("charts");
  const lang = currentLanguage();
  const option = useMemo(
    () =>
      seriesOption(series, lang, {
        observed: t("observed"),
        forecast: t("forecast"),
        band80: t("band80"),
        band95: t("band95"),
        target: (year) => t("targetYear", { year }),
      }),
    [series, lang, t],
  );
  return (
    <figure style={{ margin: 0 }}>
      <Chart option={option} label={t("seriesLabel", { title })} height={height} />
      <details>
        <summary>{t("asTable")}</summary>
        <div className="table-scroll">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("period")}</Table.Th>
                <Table.Th scope="col">{t("observed")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.points.map((p) => (
                <Table.Tr key={p.period}>
                  <Table.Td>{p.period}</Table.Td>
                  <Table.Td>{formatNumber(p.value, lang)}</Table.Td>
                </Table.Tr>
              ))}
              {series.forecastBand.map((b) => (
                <Table.Tr key={`f${b.year}`}>
                  <Table.Td>
                    {b.year} ({t("forecast")})
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(b.value, lang)} [{formatNumber(b.low80, lang)} –{" "}
                    {formatNumber(b.high80, lang)}]
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
