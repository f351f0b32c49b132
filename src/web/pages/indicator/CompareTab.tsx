/** Up to five units side by side: chosen in a multi-select kept in the URL, drawn as lines and as a table. */
import { MultiSelect, Stack, Table, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCompare } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { useOrgUnits } from "../../api/org-units.js";
import type { EChartsOption } from "../../components/charts/echarts.js";
import { Chart } from "../../components/charts/LazyChart.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { tx } from "../system/drill-shared.js";

const MAX = 5;
/** Distinct line colours that stay apart for colour-blind readers (Okabe–Ito). */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"];

export function CompareTab({ code, plan, indicator }: { code: string; plan: string; indicator: Indicator }) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const search = useSearch({ from: "/indicators/$code" });
  const navigate = useNavigate({ from: "/indicators/$code" });
  const chosen = (search.units ?? "").split(",").filter(Boolean).slice(0, MAX);
  const all = useOrgUnits({ limit: 1000, current: "true" });
  const options = useMemo(
    () =>
      (all.data?.items ?? [])
        .filter((u) => u.kind !== "commune")
        .map((u) => ({ value: u.code, label: tx(u.name, lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [all.data, lang],
  );
  const compare = useCompare(
    code,
    chosen.length > 0
      ? { plan, units: chosen.join(","), ...(search.basis ? { basis: search.basis } : {}) }
      : null,
  );
  const units = compare.data?.units ?? [];
  const periods = useMemo(
    () => [...new Set(units.flatMap((u) => u.points.map((p) => p.period)))].sort(),
    [units],
  );
  const option = useMemo((): EChartsOption => {
    const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, lang) : "—");
    return {
      animation: false,
      color: COLOURS,
      grid: { left: 8, right: 24, top: 36, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: fmt },
      legend: { top: 0, type: "scroll" },
      xAxis: { type: "category", data: periods, boundaryGap: false },
      yAxis: {
        type: "value",
        scale: true,
        axisLabel: { formatter: fmt },
        name: tx(indicator.unit, lang),
        // Starting at the axis, not centred on it: a long unit is not cut off at the left edge.
        nameTextStyle: { align: "left" },
      },
      series: units.map((u) => {
        const byPeriod = new Map(u.points.map((p) => [p.period, p.value] as const));
        return {
          name: tx(u.unit.name, lang),
          type: "line",
          connectNulls: true,
          symbolSize: 5,
          data: periods.map((p) => byPeriod.get(p) ?? null),
        };
      }),
    };
  }, [units, periods, lang, indicator.unit]);

  return (
    <Stack gap="sm">
      <MultiSelect
        className="no-print"
        label={t("compare.pick", { max: MAX })}
        placeholder={chosen.length < MAX ? t("compare.placeholder") : undefined}
        data={options}
        value={chosen}
        maxValues={MAX}
        searchable
        clearable
        maw={720}
        onChange={(v) =>
          void navigate({
            search: (p) => ({ ...p, units: v.length > 0 ? v.slice(0, MAX).join(",") : undefined }),
            replace: true,
          })
        }
      />
      {chosen.length === 0 ? (
        <Text c="dimmed">{t("compare.empty")}</Text>
      ) : compare.isPending ? (
        <Loading />
      ) : compare.isError ? (
        <ErrorNote error={compare.error} />
      ) : (
        <>
          {units.some((u) => u.hidden) && (
            <Text size="sm" c="dimmed">
              {t("compare.hidden")}
            </Text>
          )}
          <Chart
            option={option}
            label={t("compare.chartLabel", { name: tx(indicator.name, lang) })}
            height={320}
          />
          <div className="table-scroll">
            <Table striped withTableBorder verticalSpacing={4}>
              <caption className="visually-hidden">
                {t("compare.tableCaption", { name: tx(indicator.name, lang) })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("compare.period")}</Table.Th>
                  {units.map((u) => (
                    <Table.Th scope="col" key={u.unit.code} style={{ textAlign: "right" }}>
                      {tx(u.unit.name, lang)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...periods].reverse().map((p) => (
                  <Table.Tr key={p}>
                    <Table.Th scope="row" fw="normal">
                      {p}
                    </Table.Th>
                    {units.map((u) => {
                      const pt = u.points.find((x) => x.period === p);
                      return (
                        <Table.Td key={u.unit.code} style={{ textAlign: "right" }}>
                          {u.hidden ? t("compare.hiddenCell") : formatNumber(pt?.value, lang)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Stack>
  );
}
