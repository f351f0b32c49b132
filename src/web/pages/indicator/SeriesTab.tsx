/** The national series with its targets and forecast band, and the status with its reason. */
import { Group, Stack, Text } from "@mantine/core";
import { useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSeries } from "../../api/dashboards.js";
import type { Indicator } from "../../api/indicators.js";
import { SeriesChart } from "../../components/charts/SeriesChart.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import { formatTarget } from "../system/drill-format.js";
import { tx } from "../system/drill-shared.js";

export function SeriesTab({ code, plan, indicator }: { code: string; plan: string; indicator: Indicator }) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const { basis } = useSearch({ from: "/indicators/$code" });
  const series = useSeries(code, { plan, ...(basis ? { basis } : {}) });
  if (series.isPending) return <Loading />;
  if (series.isError) return <ErrorNote error={series.error} />;
  const s = series.data;
  const a = s.assessment;
  return (
    <Stack gap="sm">
      {a && (
        <Stack gap={4}>
          <Group gap="xs">
            <StatusBadge status={a.status} size="md" />
            {a.target && (
              <Text size="sm">
                {t("series.target", { target: formatTarget(a.target, indicator.unit, lang) })}
              </Text>
            )}
            {a.probability !== null && (
              <Text size="sm" c="dimmed">
                {t("series.chance", { value: formatPercent(a.probability, lang) })}
              </Text>
            )}
            {a.changedAt && (
              <Text size="sm" c="dimmed">
                {t("series.since", { period: a.changedAt })}
              </Text>
            )}
          </Group>
          <Text size="sm">{tx(a.reason, lang)}</Text>
        </Stack>
      )}
      {s.points.length === 0 ? (
        <Text c="dimmed">{t("series.empty")}</Text>
      ) : (
        <SeriesChart
          title={tx(s.indicator.name, lang)}
          series={{
            points: s.points,
            targets: s.targets,
            forecastBand: s.forecastBand,
            unit: tx(s.indicator.unit, lang) || null,
          }}
        />
      )}
    </Stack>
  );
}
