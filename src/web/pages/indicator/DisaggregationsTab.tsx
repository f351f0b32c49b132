/**
 * The indicator's values by disaggregation category (sex, area, enterprise size…) at one unit in
 * one period — the period and unit kept in the URL —: for each dimension a small bar chart and the
 * same as a table, beside the total reported without disaggregation; values reported for several
 * dimensions at once in a table of their own.
 */
import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useDisaggregations, useSeries } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { useOrgUnits } from "../../api/org-units.js";
import { Chart } from "../../components/charts/LazyChart.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber, formatPercent } from "../../lib/format.js";
import { formatValue } from "../system/drill-format.js";
import { tx } from "../system/drill-shared.js";
import { dimensionViews, isAdditive } from "./disaggregation-model.js";
import { PeriodSelect } from "./PeriodSelect.js";
import { defaultPeriod, periodChoices } from "./periods.js";
import { rankedBarsOption } from "./units-option.js";

const COUNTRY = "VN";

/** A dimension's word as a heading ("giới tính" → "Giới tính"). */
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function DisaggregationsTab({
  code,
  plan,
  indicator,
}: {
  code: string;
  plan: string;
  indicator: Indicator;
}) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const search = useSearch({ from: "/indicators/$code" });
  const navigate = useNavigate({ from: "/indicators/$code" });
  const basis = search.basis;
  const unit = search.unit ?? COUNTRY;
  const series = useSeries(code, { plan, unit, ...(basis ? { basis } : {}) });
  const choices = useMemo(() => periodChoices(series.data?.points ?? []), [series.data]);
  const period = search.period ?? defaultPeriod(series.data?.points ?? []);
  const answer = useDisaggregations(
    code,
    period ? { plan, unit, period, ...(basis ? { basis } : {}) } : null,
  );
  const units = useOrgUnits({ limit: 1000, current: "true" });
  const unitChoices = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => u.kind !== "commune")
        .map((u) => ({ value: u.code, label: tx(u.name, lang) }))
        .sort((a, b) =>
          a.value === COUNTRY ? -1 : b.value === COUNTRY ? 1 : a.label.localeCompare(b.label, lang),
        ),
    [units.data, lang],
  );
  const additive = isAdditive(indicator.aggregation);
  const views = useMemo(
    () => dimensionViews(answer.data?.dimensions ?? [], answer.data?.total.value ?? null, additive),
    [answer.data, additive],
  );
  const dimLabel = (d: string) => t(`disaggregations.dimension.${d}`, { defaultValue: d });
  const optLabel = (o: string) => t(`disaggregations.option.${o}`, { defaultValue: o });
  const name = tx(indicator.name, lang);
  const unitName = answer.data ? tx(answer.data.unit.name, lang) : unit;
  const declared = Object.keys(indicator.disaggregations ?? {});

  if (declared.length === 0 && answer.data && answer.data.dimensions.length === 0)
    return <Text c="dimmed">{t("disaggregations.noneDeclared")}</Text>;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" className="no-print">
        <PeriodSelect choices={choices} period={period} />
        <Select
          label={t("disaggregations.unit")}
          data={unitChoices}
          value={unit}
          searchable
          onChange={(v) =>
            void navigate({
              search: (p) => ({ ...p, unit: v && v !== COUNTRY ? v : undefined }),
              replace: true,
            })
          }
          allowDeselect={false}
          w={280}
          maw="100%"
          size="sm"
          nothingFoundMessage={t("disaggregations.noUnit")}
        />
      </Group>
      {series.isError ? (
        <ErrorNote error={series.error} />
      ) : !period ? (
        series.isPending ? (
          <Loading />
        ) : (
          <Text c="dimmed">{t("series.empty")}</Text>
        )
      ) : answer.isPending ? (
        <Loading />
      ) : answer.isError ? (
        <ErrorNote error={answer.error} />
      ) : (
        <>
          <Text size="sm">
            {answer.data.total.value === null
              ? t("disaggregations.noTotal", { unit: unitName, period })
              : t("disaggregations.total", {
                  unit: unitName,
                  period,
                  value: formatValue(answer.data.total.value, indicator.unit, lang),
                })}
          </Text>
          {views.map((v) => {
            const label = dimLabel(v.code);
            const caption = t("disaggregations.caption", { dimension: label, name, unit: unitName, period });
            return (
              <Paper withBorder p="md" key={v.code} component="section" aria-label={capitalised(label)}>
                <Title order={3} size="h5" mb="xs">
                  {t("disaggregations.by", { dimension: label })}
                </Title>
                {v.withValue === 0 ? (
                  <Text size="sm" c="dimmed" mb="xs">
                    {t("disaggregations.noValues", { dimension: label, unit: unitName, period })}
                  </Text>
                ) : (
                  v.coverage !== null &&
                  Math.abs(v.coverage - 1) > 0.005 && (
                    <Text size="xs" c="dimmed" mb="xs">
                      {t("disaggregations.coverage", {
                        sum: formatValue(v.sum, indicator.unit, lang),
                        share: formatPercent(v.coverage, lang),
                      })}
                    </Text>
                  )
                )}
                <SimpleGrid cols={{ base: 1, md: v.withValue > 0 ? 2 : 1 }} spacing="md">
                  {v.withValue > 0 && (
                    <Chart
                      option={rankedBarsOption(
                        v.rows.map((r) => ({ label: optLabel(r.code), value: r.value })),
                        lang,
                        tx(indicator.unit, lang) || null,
                      )}
                      label={t("disaggregations.chartLabel", {
                        dimension: label,
                        name,
                        unit: unitName,
                        period,
                      })}
                      height={Math.max(140, v.withValue * 32 + 64)}
                    />
                  )}
                  <div className="table-scroll">
                    <Table striped withTableBorder verticalSpacing={4}>
                      <caption className="visually-hidden">{caption}</caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{capitalised(label)}</Table.Th>
                          <Table.Th scope="col" style={{ textAlign: "right" }}>
                            {t("units.value")}
                          </Table.Th>
                          {v.sum !== null && (
                            <Table.Th scope="col" style={{ textAlign: "right" }}>
                              {t("disaggregations.share")}
                            </Table.Th>
                          )}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {v.rows.map((r) => (
                          <Table.Tr key={r.code}>
                            <Table.Th scope="row" fw="normal">
                              {optLabel(r.code)}
                            </Table.Th>
                            <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                              {r.value === null
                                ? "—"
                                : `${formatNumber(r.value, lang)}${r.partial ? ` (${t("units.partial")})` : ""}`}
                            </Table.Td>
                            {v.sum !== null && (
                              <Table.Td style={{ textAlign: "right" }}>
                                {r.share === null ? "—" : formatPercent(r.share, lang, 1)}
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                </SimpleGrid>
              </Paper>
            );
          })}
          {answer.data.combinations.length > 0 && (
            <Paper withBorder p="md" component="section" aria-labelledby="disagg-combinations">
              <Title order={3} size="h5" mb="xs" id="disagg-combinations">
                {t("disaggregations.combinations")}
              </Title>
              <div className="table-scroll">
                <Table striped withTableBorder verticalSpacing={4}>
                  <caption className="visually-hidden">
                    {t("disaggregations.combinationsCaption", { name, unit: unitName, period })}
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("disaggregations.category")}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {t("units.value")}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {answer.data.combinations.map((c) => {
                      const words = Object.entries(c.categories)
                        .map(([d, o]) => `${dimLabel(d)}: ${optLabel(o)}`)
                        .join(" · ");
                      return (
                        <Table.Tr key={words}>
                          <Table.Th scope="row" fw="normal">
                            {words}
                          </Table.Th>
                          <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                            {`${formatNumber(c.value, lang)}${c.partial ? ` (${t("units.partial")})` : ""}`}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </div>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
