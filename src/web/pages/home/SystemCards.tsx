/** The plan's systems as cards: status, progress, counts by status, link to the system page. */
import { Card, Group, Progress, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge, statusColor } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import { pick, progressPercent } from "./home-model.js";
import { StatusCounts } from "./StatusCounts.js";

/** Memoised: redrawn when its data changes, not on each of the dashboard's other queries. */
export const SystemCards = memo(function SystemCards({
  plan,
  basis,
  systems,
}: {
  plan: string;
  basis: "approved" | "reported" | undefined;
  systems: Overview["systems"];
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  return (
    <section aria-labelledby="systems-title">
      <h2 id="systems-title" className="section-title">
        {t("systems.title", { count: systems.length })}
      </h2>
      <ul className="system-grid">
        {systems.map((s) => (
          <li key={s.code}>
            <Card withBorder padding="sm" radius="md" className="system-card">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <h3 className="system-name">
                  <Link
                    to="/plans/$plan/systems/$system"
                    params={{ plan, system: s.code }}
                    search={basis ? { basis } : {}}
                    className="system-link"
                  >
                    <span className="system-code">{s.code}</span> {pick(s.name, lang)}
                  </Link>
                </h3>
                <span className="no-shrink">
                  <StatusBadge status={s.status} />
                </span>
              </Group>
              <Text size="xs" mt={6}>
                {t("systems.progress")}: <strong>{formatPercent(s.progress, lang)}</strong>
              </Text>
              <Progress
                value={progressPercent(s.progress)}
                color={statusColor[s.status]}
                size="sm"
                mb={6}
                aria-label={t("systems.progressLabel", {
                  system: pick(s.name, lang),
                  value: formatPercent(s.progress, lang),
                })}
              />
              <StatusCounts counts={s.counts} size="xs" />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
});
