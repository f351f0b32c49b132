/**
 * /admin/plans/$plan/indicators/$code: one indicator of the plan, with its tab in the URL —
 * the definition (versioned: a reason is required), the targets per year (adjusted with a
 * reason) and every version as a readable diff. Actions show by the indicator's `can` flags.
 */
import { Badge, Group, Tabs, Text } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useIndicator } from "../../api/indicators.js";
import { usePlan } from "../../api/plans.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { DefinitionTab } from "./DefinitionTab.js";
import { INDICATOR_TABS } from "./indicator-tabs.js";
import { TargetsTab } from "./TargetsTab.js";
import { VersionsTab } from "./VersionsTab.js";
import "./strings.js";
import "./admin-plans.css";

export function IndicatorAdminPage() {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const { plan, code } = useParams({ from: "/admin/plans/$plan/indicators/$code" });
  const search = useSearch({ from: "/admin/plans/$plan/indicators/$code" });
  const navigate = useNavigate({ from: "/admin/plans/$plan/indicators/$code" });
  const tab = search.tab ?? "definition";
  const ind = useIndicator(code);
  const planRead = usePlan(plan);
  const name = ind.data ? (lang === "en" && ind.data.name.en) || ind.data.name.vi : "";

  return (
    <AdminFrame
      area="plans"
      title={`${code}${name ? ` · ${name}` : ""}`}
      intro={
        <Group gap="xs" component="span">
          <Link to="/admin/plans/$plan" params={{ plan }}>
            {t("indicator.back", { plan })}
          </Link>
          <Link to="/indicators/$code" params={{ code }} search={{ plan }}>
            {t("indicator.public")}
          </Link>
          {ind.data?.retired && (
            <Badge color="dark" variant="outline">
              {t("retired")}
            </Badge>
          )}
        </Group>
      }
    >
      {ind.isError ? (
        <ErrorNote error={ind.error} />
      ) : planRead.isError ? (
        <ErrorNote error={planRead.error} />
      ) : !ind.data || !planRead.data ? (
        <Loading />
      ) : (
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(v) => {
            const next = INDICATOR_TABS.find((x) => x === v);
            void navigate({
              search: (p) => ({ ...p, tab: next === "definition" ? undefined : next }),
              replace: true,
            });
          }}
        >
          <Tabs.List aria-label={t("indicator.tabs")}>
            {INDICATOR_TABS.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`indicator.tab.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="definition" pt="md">
            <DefinitionTab plan={plan} indicator={ind.data} />
          </Tabs.Panel>
          <Tabs.Panel value="targets" pt="md">
            <TargetsTab
              plan={plan}
              indicator={ind.data}
              span={{ start: planRead.data.startYear, end: planRead.data.endYear }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <VersionsTab code={code} />
          </Tabs.Panel>
        </Tabs>
      )}
      {ind.data && !ind.data.plans.includes(plan) && (
        <Text size="sm" c="orange.9" role="status">
          {t("indicator.notInPlan", { plan })}
        </Text>
      )}
    </AdminFrame>
  );
}
