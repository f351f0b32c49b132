/**
 * Data-quality flags of one period for this indicator and the operational indicators it is
 * computed from (its children): units expected but missing, and late, outlying or revised values.
 * The endpoint is plan-wide (GET /plans/{code}/data-quality); this tab filters it. Signed-in only.
 */
import { Anchor, Badge, Group, Select, Stack, Table, Text } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useDataQuality, useSeries } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate, formatNumber } from "../../lib/format.js";
import { useUnitNames } from "../system/drill-shared.js";
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
  const navigate = useNavigate({ from: "/indicators/$code" });
  const series = useSeries(code, { plan, ...(search.basis ? { basis: search.basis } : {}) });
  const choices = useMemo(() => periodChoices(series.data?.points ?? []), [series.data]);
  const period = search.period ?? defaultPeriod(series.data?.points ?? []);
  const quality = useDataQuality(plan, signedIn ? period : null);
  const unitName = useUnitNames();
  const codes = useMemo(() => new Set([code, ...indicator.children]), [code, indicator.children]);
  const flagged = (quality.data?.flagged ?? []).filter((f) => codes.has(f.indicator));
  const missing = (quality.data?.byIndicator ?? []).filter((b) => codes.has(b.indicator.code));

  if (!signedIn) return <Text c="dimmed">{t("quality.signIn")}</Text>;
  return (
    <Stack gap="sm">
      <Select
        className="no-print"
        label={t("units.period")}
        data={choices}
        value={period}
        onChange={(v) => void navigate({ search: (p) => ({ ...p, period: v ?? undefined }), replace: true })}
        allowDeselect={false}
        w={160}
        size="sm"
      />
      <Text size="xs" c="dimmed">
        {t("quality.scope", { list: [...codes].join(", ") })}
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
          {missing.length === 0 ? (
            <Text size="sm">{t("quality.noneExpected")}</Text>
          ) : (
            missing.map((m) => (
              <Text size="sm" key={m.indicator.code}>
                {t(m.missing.length === 0 ? "quality.allReported" : "quality.missing", {
                  code: m.indicator.code,
                  reported: m.reported,
                  expected: m.expected,
                })}{" "}
                {m.missing.map((u) => unitName(u)).join(", ")}
              </Text>
            ))
          )}
          {flagged.length === 0 ? (
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
        </>
      )}
    </Stack>
  );
}
