/**
 * One system of the plan: what it is for, its status and counts from the overview, and in tabs
 * (kept in the URL) its KPIs with status and reason, its initiatives and the targets it serves.
 */
import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useOverview } from "../../api/dashboards.js";
import { useOrgUnitValues } from "../../api/org-units.js";
import { useInitiatives, usePlanIndicators, useSystem } from "../../api/plans.js";
import { NotFound } from "../../components/NotFound.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { type Status, StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import { DrillCrumbs, tx } from "./drill-shared.js";
import { KpiTable } from "./KpiTable.js";
import { TargetTable } from "./TargetTable.js";

const STATUSES: Status[] = ["off_track", "at_risk", "on_track", "achieved", "no_data"];

export function SystemPage() {
  const { t } = useTranslation("system");
  const lang = currentLanguage();
  const { plan, system } = useParams({ from: "/plans/$plan/systems/$system" });
  const search = useSearch({ from: "/plans/$plan/systems/$system" });
  const navigate = useNavigate({ from: "/plans/$plan/systems/$system" });
  const tab = search.tab ?? "kpis";
  const basis = search.basis;

  const sys = useSystem(plan, system);
  const overview = useOverview(plan, basis ? { basis } : {});
  const kpis = usePlanIndicators(plan, { system, tier: "kpi", limit: 1000 });
  const values = useOrgUnitValues("VN", { plan, ...(basis ? { basis } : {}) });
  const initiatives = useInitiatives(plan, { system, limit: 100 });

  const valueMap = useMemo(
    () => new Map((values.data?.items ?? []).map((v) => [v.indicator, v] as const)),
    [values.data],
  );
  const summary = overview.data?.systems.find((s) => s.code === system);
  const targets = useMemo(() => {
    const codes = new Set(summary?.targets ?? []);
    return (overview.data?.targets ?? []).filter((x) => codes.has(x.code) || x.systems.includes(system));
  }, [overview.data, summary, system]);

  if (sys.isPending) return <Loading />;
  if (sys.error instanceof ApiError && sys.error.status === 404) return <NotFound />;
  if (sys.isError) return <ErrorNote error={sys.error} />;
  const s = sys.data;
  const name = tx(s.name, lang);

  return (
    <Stack className="page" gap="md">
      <DrillCrumbs plan={plan} here={name} />
      <div>
        <Text size="sm" c="dimmed">
          {t("system.kicker", { number: s.number, code: s.code })}
          {s.kind === "special_projects" ? ` · ${t("system.special")}` : ""}
          {s.retired ? ` · ${t("system.retired")}` : ""}
        </Text>
        <Title order={1} size="h2">
          {name}
        </Title>
      </div>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t("system.status")}
            </Title>
            {overview.isPending ? (
              <Loading />
            ) : summary ? (
              <Stack gap={6}>
                <Group gap="xs">
                  <StatusBadge status={summary.status} size="md" />
                  <Text size="sm">
                    {t("system.progress", { value: formatPercent(summary.progress, lang) })}
                  </Text>
                </Group>
                <Group gap={6} wrap="wrap" aria-label={t("system.counts")}>
                  {STATUSES.map((st) => (
                    <Badge
                      key={st}
                      variant="light"
                      color="gray"
                      radius="sm"
                      style={{ textTransform: "none" }}
                    >
                      {t(`status.${st}`, { ns: "common" })}: {summary.counts[st]}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("system.indicatorCount", { count: s.indicatorCount })}
                </Text>
                <Text size="sm">
                  <strong>{t("system.chiefEngineer")}:</strong>{" "}
                  {s.chiefEngineers.length === 0
                    ? t("system.noChiefEngineer")
                    : s.chiefEngineers.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name)).join("; ")}
                </Text>
              </Stack>
            ) : (
              <Text c="dimmed">{t("system.noStatus")}</Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t("system.mainContent")}
            </Title>
            <Text size="sm">{tx(s.mainContent, lang) || "—"}</Text>
            {s.strategicRole && (
              <>
                <Title order={3} size="h5" mt="sm" mb={4}>
                  {t("system.strategicRole")}
                </Title>
                <Text size="sm">{tx(s.strategicRole, lang)}</Text>
              </>
            )}
          </Paper>
        </Grid.Col>
      </Grid>

      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            search: (p) => ({ ...p, tab: v === "initiatives" || v === "targets" ? v : undefined }),
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t("tabs.label")}>
          <Tabs.Tab value="kpis">{t("tabs.kpis", { count: kpis.data?.total ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="initiatives">{t("tabs.initiatives", { count: s.initiatives.length })}</Tabs.Tab>
          <Tabs.Tab value="targets">{t("tabs.targets", { count: targets.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kpis" pt="md">
          {kpis.isPending || values.isPending ? (
            <Loading />
          ) : kpis.isError ? (
            <ErrorNote error={kpis.error} />
          ) : (
            <KpiTable
              plan={plan}
              indicators={kpis.data.items}
              values={valueMap}
              caption={t("kpis.caption", { name })}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="initiatives" pt="md">
          {initiatives.isPending ? (
            <Loading />
          ) : initiatives.isError ? (
            <ErrorNote error={initiatives.error} />
          ) : (
            <SimpleGrid
              cols={{ base: 1, sm: 2, xl: 3 }}
              spacing="sm"
              component="ul"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {initiatives.data.items.map((i) => (
                <Paper component="li" withBorder p="sm" key={i.code}>
                  <Text size="xs" c="dimmed">
                    {t("initiative.kicker", { number: i.number, code: i.code })}
                  </Text>
                  <Anchor
                    fw={600}
                    renderRoot={(p) => (
                      <Link
                        {...p}
                        to="/plans/$plan/initiatives/$initiative"
                        params={{ plan, initiative: i.code }}
                      />
                    )}
                  >
                    {tx(i.shortTitle, lang) || tx(i.title, lang)}
                  </Anchor>
                  <Text size="sm" mt={4} lineClamp={3}>
                    {tx(i.objective, lang)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="md">
          {overview.isPending ? (
            <Loading />
          ) : overview.isError ? (
            <ErrorNote error={overview.error} />
          ) : (
            <TargetTable plan={plan} targets={targets} caption={t("targets.caption", { name })} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
