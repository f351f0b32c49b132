/** The plan at the top of the dashboard: overall status, progress and counts by status. */
import { Group, Progress, Stack, Text } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge, statusColor } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import { countAll, formatPeriod, progressPercent } from "./home-model.js";
import { StatusCounts } from "./StatusCounts.js";

/** Memoised: redrawn when its data changes, not on each of the dashboard's other queries. */
export const PlanSummary = memo(function PlanSummary({ overview }: { overview: Overview }) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const pct = progressPercent(overview.progress);
  return (
    <section aria-labelledby="plan-summary-title" className="plan-summary">
      <h2 id="plan-summary-title" className="visually-hidden">
        {t("summary.title")}
      </h2>
      <Group gap="md" wrap="wrap" align="center">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600}>{t("summary.overall")}</Text>
          <StatusBadge status={overview.status} size="lg" />
        </Group>
        <Stack gap={2} className="plan-progress">
          <Text size="sm">
            {t("summary.progress")}: <strong>{formatPercent(overview.progress, lang)}</strong>
          </Text>
          <Progress
            value={pct}
            color={statusColor[overview.status]}
            size="md"
            aria-label={t("summary.progressLabel", { value: formatPercent(overview.progress, lang) })}
          />
        </Stack>
        <Stack gap={2}>
          <Text size="sm">
            {t("summary.targets", { count: countAll(overview.counts) })} ·{" "}
            {t("summary.period", { period: formatPeriod(overview.period) })}
          </Text>
          <StatusCounts counts={overview.counts} />
        </Stack>
      </Group>
    </section>
  );
});
