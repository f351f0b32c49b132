/**
 * The 2030 and 2045 targets grouped as the plan groups them: the objectives of sections I.2.a–e
 * and I.3 (tier "objective", whose children are the targets), each with its counts by status.
 */
import { Group } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { PlanIndicators } from "../../api/plans.js";
import { WhenVisible } from "../../components/WhenVisible.js";
import { currentLanguage } from "../../i18n/index.js";
import { countStatuses, groupTargets, pick } from "./home-model.js";
import { StatusCounts } from "./StatusCounts.js";
import { type OverviewTarget, TargetTable } from "./TargetTable.js";

/** Memoised: redrawn when its data changes, not on each of the dashboard's other queries. */
export const TargetGroups = memo(function TargetGroups({
  targets,
  objectives,
}: {
  targets: OverviewTarget[];
  objectives: PlanIndicators["items"];
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const groups = groupTargets(objectives, targets);
  return (
    <section aria-labelledby="targets-title" className="target-groups">
      <h2 id="targets-title" className="section-title">
        {t("targets.title")}
      </h2>
      {groups.length === 0 && <p>{t("targets.none")}</p>}
      {groups.map((g) => {
        const id = `group-${g.objective?.code ?? "other"}`;
        const title = g.objective ? pick(g.objective.name, lang) : t("targets.other");
        return (
          <div key={id} className="target-group">
            <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
              <h3 id={id} className="group-title">
                {g.objective?.sourceRef && <span className="group-ref">{g.objective.sourceRef}</span>} {title}
              </h3>
              <StatusCounts counts={countStatuses(g.targets)} size="xs" />
            </Group>
            <WhenVisible minHeight={g.targets.length * 96}>
              <TargetTable targets={g.targets} caption={title} />
            </WhenVisible>
          </div>
        );
      })}
    </section>
  );
});
