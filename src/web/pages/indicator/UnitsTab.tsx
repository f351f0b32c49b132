/**
 * The indicator's value in each province (or ministry) for one period: ranked bars (best first,
 * as the API ranks them for the indicator's direction) and the same as a table; "no values" when
 * no unit of the level has one (the breakdown answers an empty list, not an error).
 */
import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useBreakdown, useSeries } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { Chart } from "../../components/charts/LazyChart.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { formatValue } from "../system/drill-format.js";
import { tx } from "../system/drill-shared.js";
import { PeriodSelect } from "./PeriodSelect.js";
import { defaultPeriod, periodChoices } from "./periods.js";
import { rankedBarsOption, unitsOfLevel } from "./units-option.js";

/** The Government (code CP): the ministries and ministry-level agencies are its children. */
const GOVERNMENT = "CP";

export function UnitsTab({ code, plan, indicator }: { code: string; plan: string; indicator: Indicator }) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const search = useSearch({ from: "/indicators/$code" });
  const navigate = useNavigate({ from: "/indicators/$code" });
  const basis = search.basis;
  const level = search.level ?? "province";
  const series = useSeries(code, { plan, ...(basis ? { basis } : {}) });
  const choices = useMemo(() => periodChoices(series.data?.points ?? []), [series.data]);
  const period = search.period ?? defaultPeriod(series.data?.points ?? []);
  // Provinces sit under the country; ministries under the Government (src/db/seeds/org-units.yaml).
  const parent = level === "ministry" ? GOVERNMENT : undefined;
  const breakdown = useBreakdown(
    code,
    period ? { plan, period, ...(parent ? { parent } : {}), ...(basis ? { basis } : {}) } : null,
  );

  const rows = useMemo(() => unitsOfLevel(breakdown.data?.items ?? [], level), [breakdown.data, level]);
  const option = useMemo(
    () =>
      rankedBarsOption(
        rows.map((r) => ({ label: tx(r.unit.name, lang), value: r.value })),
        lang,
        tx(indicator.unit, lang) || null,
      ),
    [rows, lang, indicator.unit],
  );
  const withValue = rows.filter((r) => r.value !== null).length;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" className="no-print">
        <PeriodSelect choices={choices} period={period} />
        <div>
          <Text size="sm" fw={500} id="units-level" mb={2}>
            {t("units.level")}
          </Text>
          <SegmentedControl
            aria-labelledby="units-level"
            size="sm"
            value={level}
            onChange={(v) =>
              void navigate({
                search: (p) => ({ ...p, level: v === "ministry" ? "ministry" : undefined }),
                replace: true,
              })
            }
            data={[
              { value: "province", label: t("units.province") },
              { value: "ministry", label: t("units.ministry") },
            ]}
          />
        </div>
      </Group>
      {!period ? (
        <Text c="dimmed">{t("series.empty")}</Text>
      ) : breakdown.isPending ? (
        <Loading />
      ) : breakdown.isError ? (
        <ErrorNote error={breakdown.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t("units.none")}</Text>
      ) : withValue === 0 ? (
        <Text c="dimmed">{t("units.noValues", { period })}</Text>
      ) : (
        <>
          <Text size="sm">
            {t("units.summary", { count: withValue, total: rows.length, period })}
            {breakdown.data.total?.value != null &&
              ` ${t("units.national", { value: formatValue(breakdown.data.total.value, indicator.unit, lang) })}`}
          </Text>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            {withValue > 0 && (
              <Chart
                option={option}
                label={t("units.chartLabel", { name: tx(indicator.name, lang), period })}
                height={Math.max(180, withValue * 22 + 72)}
              />
            )}
            <div className="table-scroll">
              <Table striped withTableBorder verticalSpacing={4} miw={520}>
                <caption className="visually-hidden">
                  {t("units.tableCaption", { name: tx(indicator.name, lang), period })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("units.rank")}</Table.Th>
                    <Table.Th scope="col">{t("units.unit")}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t("units.value")}
                    </Table.Th>
                    <Table.Th scope="col">{t("units.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.unit.code}>
                      <Table.Td>{r.rank ?? "—"}</Table.Td>
                      <Table.Th scope="row" fw="normal">
                        <Anchor
                          size="sm"
                          renderRoot={(p) => (
                            <Link
                              {...p}
                              to="/org-units/$code"
                              params={{ code: r.unit.code }}
                              search={{ plan }}
                            />
                          )}
                        >
                          {tx(r.unit.name, lang)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                        {r.value === null ? (
                          <Text span size="xs" c="dimmed">
                            {tx(r.reason, lang) || "—"}
                          </Text>
                        ) : (
                          `${formatNumber(r.value, lang)}${r.partial ? ` (${t("units.partial")})` : ""}`
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.assessment && <StatusBadge status={r.assessment.status} size="xs" />}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
