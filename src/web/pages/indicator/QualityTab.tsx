/**
 * Data-quality flags of one period for this indicator and the operational indicators it is
 * computed from (its children): how many units reported each, the units still missing values,
 * and the late, outlying or revised values. The counts come whole from GET
 * /plans/{code}/data-quality; the two lists, filtered to these indicators on the server, come a
 * page at a time (at national scale a period can flag a hundred thousand values). Signed-in only.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useDataQuality, useQualityFlagged, useQualityGaps, useSeries } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate, formatNumber } from "../../lib/format.js";
import { useUnitNames } from "../system/drill-shared.js";
import { PeriodSelect } from "./PeriodSelect.js";
import { defaultPeriod, periodChoices } from "./periods.js";

export function QualityTab({
  code,
  plan,
  indicator,
  signedIn,
}: {
  code: string;
  plan: string;
  indicator: Indicator;
  signedIn: boolean;
}) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const search = useSearch({ from: "/indicators/$code" });
  const series = useSeries(code, { plan, ...(search.basis ? { basis: search.basis } : {}) });
  const choices = useMemo(() => periodChoices(series.data?.points ?? []), [series.data]);
  const period = search.period ?? defaultPeriod(series.data?.points ?? []);
  const asked = signedIn ? period : null;
  const codes = useMemo(() => [code, ...indicator.children], [code, indicator.children]);
  const quality = useDataQuality(plan, asked);
  const gaps = useQualityGaps(plan, asked, codes);
  const flaggedPages = useQualityFlagged(plan, asked, codes);
  const unitName = useUnitNames();
  const counts = (quality.data?.byIndicator ?? []).filter((b) => codes.includes(b.indicator.code));
  const missingUnits = gaps.data?.pages.flatMap((p) => p.items) ?? [];
  const missingTotal = gaps.data?.pages[0]?.total ?? 0;
  const flagged = flaggedPages.data?.pages.flatMap((p) => p.items) ?? [];
  const flaggedTotal = flaggedPages.data?.pages[0]?.total ?? 0;

  if (!signedIn) return <Text c="dimmed">{t("quality.signIn")}</Text>;
  return (
    <Stack gap="sm">
      <PeriodSelect choices={choices} period={period} className="no-print" />
      <Text size="xs" c="dimmed">
        {t("quality.scope", { list: codes.join(", ") })}
      </Text>
      {!period ? (
        <Text c="dimmed">{t("series.empty")}</Text>
      ) : quality.isPending ? (
        <Loading />
      ) : quality.isError ? (
        <ErrorNote error={quality.error} />
      ) : (
        <>
          <Text size="sm">{t("quality.due", { date: formatDate(quality.data.due, lang) })}</Text>
          {counts.length === 0 ? (
            <Text size="sm">{t("quality.noneExpected")}</Text>
          ) : (
            counts.map((m) => (
              <Text size="sm" key={m.indicator.code}>
                {t(m.missing === 0 ? "quality.allReported" : "quality.missing", {
                  code: m.indicator.code,
                  reported: m.reported,
                  expected: m.expected,
                  missing: m.missing,
                })}
              </Text>
            ))
          )}
          {gaps.isError ? (
            <ErrorNote error={gaps.error} />
          ) : missingUnits.length > 0 ? (
            <div className="table-scroll">
              <Table striped withTableBorder verticalSpacing={4} miw={400}>
                <caption className="visually-hidden">{t("quality.gapsCaption", { period })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("units.unit")}</Table.Th>
                    <Table.Th scope="col">{t("quality.missingIndicators")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {missingUnits.map((u) => (
                    <Table.Tr key={u.unit.code}>
                      <Table.Th scope="row" fw="normal">
                        <Anchor
                          size="sm"
                          renderRoot={(p) => (
                            <Link
                              {...p}
                              to="/org-units/$code"
                              params={{ code: u.unit.code }}
                              search={{ plan }}
                            />
                          )}
                        >
                          {unitName(u.unit.code)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{u.missing.join(", ")}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : null}
          <More
            shown={missingUnits.length}
            total={missingTotal}
            loading={gaps.isFetchingNextPage}
            onMore={gaps.hasNextPage ? () => void gaps.fetchNextPage() : undefined}
          />
          {flaggedPages.isPending ? (
            <Loading />
          ) : flaggedPages.isError ? (
            <ErrorNote error={flaggedPages.error} />
          ) : flagged.length === 0 ? (
            <Text size="sm">{t("quality.noFlags")}</Text>
          ) : (
            <div className="table-scroll">
              <Table striped withTableBorder verticalSpacing={4} miw={560}>
                <caption className="visually-hidden">{t("quality.caption", { period })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("units.unit")}</Table.Th>
                    <Table.Th scope="col">{t("quality.indicator")}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t("units.value")}
                    </Table.Th>
                    <Table.Th scope="col">{t("quality.flags")}</Table.Th>
                    <Table.Th scope="col">{t("quality.submitted")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {flagged.map((f) => (
                    <Table.Tr key={f.observationId}>
                      <Table.Th scope="row" fw="normal">
                        <Anchor
                          size="sm"
                          renderRoot={(p) => (
                            <Link {...p} to="/org-units/$code" params={{ code: f.unit }} search={{ plan }} />
                          )}
                        >
                          {unitName(f.unit)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{f.indicator}</Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>{formatNumber(f.value, lang)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {f.flags.map((fl) => (
                            <Badge
                              key={fl}
                              size="xs"
                              variant="outline"
                              color="dark"
                              style={{ textTransform: "none" }}
                            >
                              {t(`quality.flag.${fl}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDate(f.submittedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <More
            shown={flagged.length}
            total={flaggedTotal}
            loading={flaggedPages.isFetchingNextPage}
            onMore={flaggedPages.hasNextPage ? () => void flaggedPages.fetchNextPage() : undefined}
          />
        </>
      )}
    </Stack>
  );
}

/** How many of a list are shown, and a button for the next page when there is one. */
function More({
  shown,
  total,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  loading: boolean;
  onMore: (() => void) | undefined;
}) {
  const { t } = useTranslation("indicator");
  if (shown === 0 || shown >= total) return null;
  return (
    <Group gap="sm" className="no-print">
      <Text size="xs" c="dimmed">
        {t("quality.shown", { shown, total })}
      </Text>
      {onMore ? (
        <Button size="compact-xs" variant="light" loading={loading} onClick={onMore}>
          {t("quality.more")}
        </Button>
      ) : null}
    </Group>
  );
}
