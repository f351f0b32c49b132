/** An outline node's indicators by tier (folded), each a link to its administration page. */
import { Badge, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PlanIndicators } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import type { TierGroup } from "./outline-model.js";

export type PlanIndicator = PlanIndicators["items"][number];

export function TierList({ plan, groups }: { plan: string; groups: TierGroup<PlanIndicator>[] }) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  if (groups.length === 0) return null;
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  // Folded by default: a plan has hundreds of indicators, the outline stays readable.
  return (
    <details className="outline-tiers">
      <summary>{t("outline.indicators", { count })}</summary>
      {groups.map((g) => (
        <div key={g.tier} className="outline-tier">
          <Text size="xs" fw={600} c="gray.7" tt="uppercase">
            {t(`tiers.${g.tier}`)} ({g.items.length})
          </Text>
          <ul className="outline-indicators">
            {g.items.map((i) => (
              <li key={i.code}>
                <Link to="/admin/plans/$plan/indicators/$code" params={{ plan, code: i.code }}>
                  <span className="outline-code">{i.code}</span> {(lang === "en" && i.name.en) || i.name.vi}
                </Link>
                {i.retired && (
                  <Badge ml={6} size="xs" color="dark" variant="outline">
                    {t("retired")}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
