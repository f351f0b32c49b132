/**
 * One breakthrough initiative: its objective, content and expected outputs, the phases whose focus
 * names it, its projects, its indicators with status, and the units responsible (its lead unit,
 * the units responsible for its indicators, its projects' owners).
 */
import { Anchor, Grid, List, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useOrgUnitValues } from "../../api/org-units.js";
import { useInitiative, usePlan, usePlanIndicators, useProjects, useSystem } from "../../api/plans.js";
import { NotFound } from "../../components/NotFound.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { CrumbLink, DrillCrumbs, tx, useUnitNames } from "../system/drill-shared.js";
import { KpiTable } from "../system/KpiTable.js";

export function InitiativePage() {
  const { t } = useTranslation("initiative");
  const lang = currentLanguage();
  const { plan, initiative } = useParams({ from: "/plans/$plan/initiatives/$initiative" });
  const { basis } = useSearch({ from: "/plans/$plan/initiatives/$initiative" });
  const ini = useInitiative(plan, initiative);
  const system = useSystem(plan, ini.data?.system ?? "", ini.data !== undefined);
  const planQ = usePlan(plan);
  const indicators = usePlanIndicators(plan, { initiative, limit: 1000 });
  const values = useOrgUnitValues("VN", { plan, ...(basis ? { basis } : {}) });
  const projects = useProjects(plan, { limit: 1000 });
  const unitName = useUnitNames();

  const valueMap = useMemo(
    () => new Map((values.data?.items ?? []).map((v) => [v.indicator, v] as const)),
    [values.data],
  );
  const ownProjects = useMemo(
    () =>
      (projects.data?.items ?? []).filter(
        (p) => ini.data?.projects.includes(p.code) || p.initiatives.includes(initiative),
      ),
    [projects.data, ini.data, initiative],
  );
  const units = useMemo(() => {
    const out = new Map<string, string>();
    if (ini.data?.leadUnit) out.set(ini.data.leadUnit, t("units.lead"));
    for (const i of indicators.data?.items ?? [])
      if (i.responsibleUnit && !out.has(i.responsibleUnit)) out.set(i.responsibleUnit, t("units.indicator"));
    for (const p of ownProjects)
      if (p.ownerUnit && !out.has(p.ownerUnit)) out.set(p.ownerUnit, t("units.project"));
    return [...out];
  }, [ini.data, indicators.data, ownProjects, t]);

  if (ini.isPending) return <Loading />;
  if (ini.error instanceof ApiError && ini.error.status === 404) return <NotFound />;
  if (ini.isError) return <ErrorNote error={ini.error} />;
  const s = ini.data;
  const title = tx(s.shortTitle, lang) || tx(s.title, lang);
  const systemName = system.data ? tx(system.data.name, lang) : s.system;

  return (
    <Stack className="page" gap="md">
      <DrillCrumbs
        plan={plan}
        trail={[
          <CrumbLink key="s" to="/plans/$plan/systems/$system" params={{ plan, system: s.system }}>
            {systemName}
          </CrumbLink>,
        ]}
        here={title}
      />
      <div>
        <Text size="sm" c="dimmed">
          {t("kicker", { number: s.number, code: s.code })}
          {s.retired ? ` · ${t("retired")}` : ""}
        </Text>
        <Title order={1} size="h2">
          {title}
        </Title>
        {s.shortTitle && tx(s.title, lang) !== title && (
          <Text size="md" mt={4}>
            {tx(s.title, lang)}
          </Text>
        )}
      </div>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t("objective")}
            </Title>
            <Text size="sm">{tx(s.objective, lang) || "—"}</Text>
            <Title order={2} size="h4" mt="md" mb="xs">
              {t("content")}
            </Title>
            <Text size="sm">{tx(s.content, lang) || "—"}</Text>
            <Title order={2} size="h4" mt="md" mb="xs" id="ini-outputs">
              {t("outputs", { count: s.outputs.length })}
            </Title>
            {s.outputs.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("outputsNone")}
              </Text>
            ) : (
              <>
                <List size="sm" spacing={4} aria-labelledby="ini-outputs" className="initiative-outputs">
                  {s.outputs.map((o) => (
                    <List.Item key={o.title.vi}>
                      {tx(o.title, lang)}
                      {o.kind && (
                        <Text span size="xs" c="dimmed">
                          {" "}
                          · {t(`outputKind.${o.kind}`)}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
                {s.outputs.some((o) => o.proposed) && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t("outputsProposed")}
                  </Text>
                )}
              </>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t("phases")}
              </Title>
              {s.focusInPhases.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("noPhases")}
                </Text>
              ) : (
                <Stack gap={4} align="flex-start">
                  {s.focusInPhases.map((p) => {
                    const phase = planQ.data?.phases.find((x) => x.code === p);
                    return (
                      <Anchor
                        key={p}
                        size="sm"
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/plans/$plan/roadmap"
                            params={{ plan }}
                            search={{ phase: p }}
                          />
                        )}
                      >
                        {phase
                          ? t("phaseNamed", {
                              from: phase.startYear,
                              to: phase.endYear,
                              name: tx(phase.name, lang),
                            })
                          : p}
                      </Anchor>
                    );
                  })}
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t("units.title")}
              </Title>
              {units.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("units.none")}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {units.map(([code, why]) => (
                    <List.Item key={code}>
                      <Anchor
                        size="sm"
                        renderRoot={(p) => (
                          <Link {...p} to="/org-units/$code" params={{ code }} search={{ plan }} />
                        )}
                      >
                        {unitName(code)}
                      </Anchor>{" "}
                      <Text span size="xs" c="dimmed">
                        ({why})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      <section aria-labelledby="ini-projects">
        <Title order={2} size="h4" mb="xs" id="ini-projects">
          {t("projects", { count: ownProjects.length })}
        </Title>
        {projects.isPending ? (
          <Loading />
        ) : ownProjects.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noProjects")}
          </Text>
        ) : (
          <Stack gap="xs">
            {ownProjects.map((p) => (
              <Paper withBorder p="sm" key={p.code}>
                <Text fw={600}>{tx(p.name, lang)}</Text>
                <Text size="xs" c="dimmed">
                  {p.code}
                  {p.ownerUnit ? ` · ${t("owner", { unit: unitName(p.ownerUnit) })}` : ""}
                  {p.chiefArchitect ? ` · ${t("architect", { name: p.chiefArchitect })}` : ""}
                </Text>
                {p.description && (
                  <Text size="sm" mt={4}>
                    {tx(p.description, lang)}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="ini-kpis">
        <Title order={2} size="h4" mb="xs" id="ini-kpis">
          {t("indicators", { count: indicators.data?.total ?? 0 })}
        </Title>
        {indicators.isPending || values.isPending ? (
          <Loading />
        ) : indicators.isError ? (
          <ErrorNote error={indicators.error} />
        ) : (
          <KpiTable
            plan={plan}
            indicators={indicators.data.items}
            values={valueMap}
            caption={t("indicatorsCaption", { title })}
          />
        )}
      </section>
    </Stack>
  );
}
