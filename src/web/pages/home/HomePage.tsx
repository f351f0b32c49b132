/**
 * The national dashboard at `/`: the plan with its status, its systems, the 2030 and 2045 targets
 * grouped as the plan groups them, what needs attention (signed in), the province map, and the
 * target drawer. Anonymous visitors see the published overview (public indicators only). Live:
 * change events refresh the affected numbers without a reload. Every choice is in the URL.
 */
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useDeferredValue, useEffect, useState } from "react";
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
import { TargetGroups } from "./TargetGroups.js";
import "./home.css";

// Loaded on demand: the drawer (with its focus trap and scroll lock) when a target is opened or
// the page is idle, the plan picker when there is more than one plan.
const loadDrawer = () => import("./TargetDrawer.js");
const TargetDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.TargetDrawer })));
const PlanPicker = lazy(() => import("./PlanPicker.js").then((m) => ({ default: m.PlanPicker })));

/**
 * How near the viewport the alerts and the targets start drawing. On a phone both lie below the
 * plan and its six systems (1,300 and 3,800 px down at 412 px): drawing them with the first screen
 * was most of its main-thread time; on a wide screen they are in view and drawn at once.
 */
const NEAR = "300px";

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
  const objectiveItems = useDeferredValue(objectives.data?.items, undefined);
  // The dashboard's big render runs as a deferred (interruptible) update: the page stays
  // responsive while 49 targets, the alerts and the map are drawn, and a live refresh does not
  // freeze it either. The initial value (undefined) makes the first one deferred too: without it
  // React renders a mount with the value at once, and the overview is often in the cache by then
  // (the route's loader asked for it), so the whole dashboard was one 200 ms task on a phone.
  const overviewData = useDeferredValue(overviewQuery.data, undefined);
  const planInfo = plans.data?.items.find((p) => p.code === plan);
  const target = overviewData?.targets.find((x) => x.code === search.target);
  // Mounted from the first time a target is opened (so it can animate closed), not before.
  const [drawerMounted, setDrawerMounted] = useState(false);
  if (search.target && !drawerMounted) setDrawerMounted(true);
  useEffect(() => {
    if (!overviewData) return;
    const warm = () => void loadDrawer();
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(warm, { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(warm, 2000);
    return () => clearTimeout(id);
  }, [overviewData]);

  return (
    <div className="page home-page">
      <header className="home-header">
        <div>
          <Title order={1} className="home-title">
            {t("title")}
          </Title>
          {/* Its line is held (a no-break space) until the plan's name arrives, so nothing below moves. */}
          <Text size="sm" c="gray.7" className="home-plan-name">
            {planInfo ? pick(planInfo.name, lang) : "\u00a0"}
          </Text>
        </div>
        <Group gap="sm" wrap="wrap" align="center">
          <LiveCue live={live} loadedAt={overviewQuery.dataUpdatedAt || undefined} />
          <Group gap="xs" wrap="wrap" className="no-print">
            {plans.data && plans.data.items.length > 1 && (
              <Suspense fallback={null}>
                <PlanPicker
                  plans={plans.data.items}
                  value={plan}
                  onChange={(v) =>
                    void navigate({
                      search: (prev) => ({ ...prev, plan: v, target: undefined, map: undefined }),
                    })
                  }
                />
              </Suspense>
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
            <WhenVisible minHeight={700} margin={NEAR} className="alerts-panel">
              <AlertsPanel plan={plan} basis={basis} />
            </WhenVisible>
          )}
          <Stack gap="lg" className="home-rest">
            <WhenVisible minHeight={2400} margin={NEAR}>
              {objectives.isError ? (
                <ErrorNote error={objectives.error} />
              ) : !objectiveItems ? (
                <Loading />
              ) : (
                <TargetGroups targets={overviewData.targets} objectives={objectiveItems} />
              )}
            </WhenVisible>
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
      {drawerMounted && (
        <Suspense fallback={null}>
          <TargetDrawer
            plan={plan}
            basis={basis}
            target={target}
            onClose={() =>
              void navigate({ search: (prev) => ({ ...prev, target: undefined }), resetScroll: false })
            }
          />
        </Suspense>
      )}
    </div>
  );
}
