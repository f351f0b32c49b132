/**
 * The national dashboard at `/`: the plan with its status, its systems, the 2030 and 2045 targets
 * grouped as the plan groups them, what needs attention (signed in), the province map, and the
 * target drawer. Anonymous visitors see the published overview (public indicators only). Live:
 * change events refresh the affected numbers without a reload. Every choice is in the URL.
 */
import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { useOverview } from "../../api/dashboards.js";
import { usePlanIndicators, usePlans } from "../../api/plans.js";
import { useSession } from "../../api/session.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { ToggleButtons } from "../../components/ToggleButtons.js";
import { WhenVisible } from "../../components/WhenVisible.js";
import { currentLanguage } from "../../i18n/index.js";
import { LiveCue } from "../../live/LiveCue.js";
import { useLiveUpdates } from "../../live/useLiveUpdates.js";
import { AlertsPanel } from "./AlertsPanel.js";
import { pick } from "./home-model.js";
import { MapSlot } from "./MapSlot.js";
import { PlanSummary } from "./PlanSummary.js";
import { SystemCards } from "./SystemCards.js";
import { TargetDrawer } from "./TargetDrawer.js";
import { TargetGroups } from "./TargetGroups.js";
import "./home.css";

export function HomePage() {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const search = useSearch({ from: "/" });
  const navigate = useNavigate({ from: "/" });
  const session = useSession();
  const plans = usePlans();
  const live = useLiveUpdates();
  const user = session.data?.user;
  const canReported = session.data?.can.readReportedValues === true;
  const plan = search.plan ?? DEFAULT_PLAN;
  const basis = canReported && search.basis === "reported" ? "reported" : undefined;
  const overviewQuery = useOverview(plan, basis ? { basis } : {});
  const objectives = usePlanIndicators(plan, { tier: "objective" });
  // The dashboard's big render runs as a deferred (interruptible) update: the page stays
  // responsive while 49 targets, the alerts and the map are drawn, and a live refresh does not
  // freeze it either.
  const overviewData = useDeferredValue(overviewQuery.data);
  const planInfo = plans.data?.items.find((p) => p.code === plan);
  const target = overviewData?.targets.find((x) => x.code === search.target);

  return (
    <div className="page home-page">
      <header className="home-header">
        <div>
          <Title order={1} className="home-title">
            {t("title")}
          </Title>
          {/* Its line is held (a no-break space) until the plan's name arrives, so nothing below moves. */}
          <Text size="sm" c="gray.7" className="home-plan-name">
            {planInfo ? pick(planInfo.shortName ?? planInfo.name, lang) : "\u00a0"}
          </Text>
        </div>
        <Group gap="sm" wrap="wrap" align="center">
          <LiveCue live={live} loadedAt={overviewQuery.dataUpdatedAt || undefined} />
          <Group gap="xs" wrap="wrap" className="no-print">
            {plans.data && plans.data.items.length > 1 && (
              <Select
                size="xs"
                label={t("controls.plan")}
                data={plans.data.items.map((p) => ({
                  value: p.code,
                  label: pick(p.shortName ?? p.name, lang),
                }))}
                value={plan}
                allowDeselect={false}
                onChange={(v) =>
                  v &&
                  void navigate({
                    search: (prev) => ({ ...prev, plan: v, target: undefined, map: undefined }),
                  })
                }
              />
            )}
            {canReported && (
              <ToggleButtons<"approved" | "reported">
                label={t("controls.basis")}
                value={basis ?? "approved"}
                onChange={(v) =>
                  void navigate({
                    search: (prev) => ({ ...prev, basis: v === "reported" ? "reported" : undefined }),
                  })
                }
                options={[
                  { value: "approved", label: t("controls.approved") },
                  { value: "reported", label: t("controls.reported") },
                ]}
              />
            )}
            <Button size="xs" variant="default" onClick={() => window.print()}>
              {t("controls.print")}
            </Button>
          </Group>
        </Group>
      </header>
      {!user && session.isSuccess && (
        <Text size="sm" className="public-note">
          {t("public.note")}
        </Text>
      )}
      {overviewQuery.isError ? (
        <ErrorNote error={overviewQuery.error} />
      ) : !overviewData ? (
        <Loading />
      ) : (
        <div className={user ? "home-layout with-alerts" : "home-layout"}>
          <Stack gap="md" className="home-top">
            <PlanSummary overview={overviewData} />
            <SystemCards plan={plan} basis={basis} systems={overviewData.systems} />
          </Stack>
          {user && (
            <WhenVisible minHeight={700} className="alerts-panel">
              <AlertsPanel plan={plan} basis={basis} />
            </WhenVisible>
          )}
          <Stack gap="lg" className="home-rest">
            {objectives.isPending ? (
              <Loading />
            ) : (
              <TargetGroups targets={overviewData.targets} objectives={objectives.data?.items ?? []} />
            )}
            <WhenVisible minHeight={900}>
              <MapSlot
                plan={plan}
                indicator={search.map}
                basis={basis}
                level={search.level}
                onChange={(c) =>
                  void navigate({
                    search: (prev) => ({
                      ...prev,
                      ...(c.indicator !== undefined ? { map: c.indicator } : {}),
                      ...(c.level !== undefined ? { level: c.level } : {}),
                    }),
                    resetScroll: false,
                  })
                }
              />
            </WhenVisible>
          </Stack>
        </div>
      )}
      <TargetDrawer
        plan={plan}
        basis={basis}
        target={target}
        onClose={() =>
          void navigate({ search: (prev) => ({ ...prev, target: undefined }), resetScroll: false })
        }
      />
    </div>
  );
}
