/**
 * /admin/plans: the plans, each with whether the signed-in user administers it (the plan's own
 * `can.administer`), a link to its outline and to the plan-definition upload.
 */
import { Button, Group, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePlan, usePlans } from "../../api/plans.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import "./strings.js";
import "./admin-plans.css";

type PlanSummary = NonNullable<ReturnType<typeof usePlans>["data"]>["items"][number];

export function PlansPage() {
  const { t } = useTranslation("adminPlans");
  const plans = usePlans();
  return (
    <AdminFrame
      area="plans"
      title={t("plans.title")}
      intro={t("plans.intro")}
      actions={
        <Button component={Link} to="/admin/plan-file" variant="default">
          {t("plans.upload")}
        </Button>
      }
    >
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorNote error={plans.error} />
      ) : (
        <ul className="admin-plan-list" aria-label={t("plans.title")}>
          {plans.data.items.map((p) => (
            <PlanCard key={p.code} plan={p} />
          ))}
        </ul>
      )}
    </AdminFrame>
  );
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  // The list carries no `can`; each plan's own read does.
  const detail = usePlan(plan.code);
  const administer = detail.data?.can.administer;
  return (
    <li className="admin-plan-card">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={2} size="h4">
          {plan.code} · {(lang === "en" && plan.name.en) || plan.name.vi}
        </Title>
        {administer !== undefined && (
          <Text size="sm" fw={600} c={administer ? "dark.9" : "gray.8"} className="plan-right">
            {administer ? t("plans.administer") : t("plans.readOnly")}
          </Text>
        )}
      </Group>
      <Text size="sm" c="gray.7" mt={4}>
        {plan.startYear}–{plan.endYear} ·{" "}
        {t("plans.countsLine", {
          systems: plan.counts.systems,
          initiatives: plan.counts.initiatives,
          indicators: plan.counts.indicators,
        })}
      </Text>
      <div className="admin-plans-links">
        <Link to="/admin/plans/$plan" params={{ plan: plan.code }}>
          {t("plans.outline")}
        </Link>
        <Link to="/admin/plan-file">{t("plans.uploadFor")}</Link>
      </div>
    </li>
  );
}
