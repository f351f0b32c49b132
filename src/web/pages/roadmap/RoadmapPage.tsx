/**
 * The plan's roadmap: its phases (2025–2027, 2028–2030, 2031–2045) as a vertical timeline, each
 * with its focus items and the systems and initiatives they name, linked. The phase holding
 * today's year is marked "current" in words, not by colour alone; `?phase=` scrolls to a phase.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useRoadmap } from "../../api/plans.js";
import { NotFound } from "../../components/NotFound.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { DrillCrumbs, tx } from "../system/drill-shared.js";
import { phaseState } from "./phase-state.js";

const ACCENT = { past: "#5f6368", current: "#8a1c14", future: "#1565c0" } as const;

export function RoadmapPage() {
  const { t } = useTranslation("roadmap");
  const lang = currentLanguage();
  const { plan } = useParams({ from: "/plans/$plan/roadmap" });
  const { phase: focusPhase } = useSearch({ from: "/plans/$plan/roadmap" });
  const roadmap = useRoadmap(plan);
  const year = new Date().getFullYear();

  useEffect(() => {
    if (focusPhase && roadmap.data) document.getElementById(`phase-${focusPhase}`)?.scrollIntoView();
  }, [focusPhase, roadmap.data]);

  if (roadmap.isPending) return <Loading />;
  if (roadmap.error instanceof ApiError && roadmap.error.status === 404) return <NotFound />;
  if (roadmap.isError) return <ErrorNote error={roadmap.error} />;
  const r = roadmap.data;

  return (
    <Stack className="page" gap="md">
      <DrillCrumbs plan={plan} here={t("title")} />
      <div>
        <Text size="sm" c="dimmed">
          {tx(r.plan.name, lang)}
        </Text>
        <Title order={1} size="h2">
          {t("heading", { from: r.plan.startYear, to: r.plan.endYear })}
        </Title>
      </div>
      <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {r.phases.map((p, k) => {
          const state = phaseState(p.startYear, p.endYear, year);
          const last = k === r.phases.length - 1;
          return (
            <li
              key={p.code}
              id={`phase-${p.code}`}
              aria-current={state === "current" ? "step" : undefined}
              style={{ display: "grid", gridTemplateColumns: "28px minmax(0, 1fr)", columnGap: 12 }}
            >
              <div aria-hidden style={{ position: "relative", display: "flex", justifyContent: "center" }}>
                {!last && (
                  <span
                    style={{
                      position: "absolute",
                      top: 28,
                      bottom: 0,
                      width: 3,
                      background: "var(--mantine-color-gray-3)",
                    }}
                  />
                )}
                <span
                  style={{
                    marginTop: 18,
                    width: state === "current" ? 22 : 16,
                    height: state === "current" ? 22 : 16,
                    borderRadius: "50%",
                    background: state === "future" ? "#fff" : ACCENT[state],
                    border: `3px solid ${ACCENT[state]}`,
                    boxSizing: "border-box",
                  }}
                />
              </div>
              <Paper
                withBorder
                p="md"
                mb="md"
                style={state === "current" ? { borderColor: ACCENT.current, borderWidth: 2 } : undefined}
              >
                <Group gap="xs" mb={4} wrap="wrap">
                  <Text fw={700} c={ACCENT[state]}>
                    {p.startYear}–{p.endYear}
                  </Text>
                  <Badge
                    variant={state === "current" ? "filled" : "outline"}
                    color={state === "current" ? "red.9" : "gray.7"}
                    radius="sm"
                    size="sm"
                    style={{ textTransform: "none" }}
                  >
                    {t(`state.${state}`)}
                  </Badge>
                </Group>
                <Title order={2} size="h3">
                  {t("phase", { code: p.code })}: {tx(p.name, lang)}
                </Title>
                {p.summary && (
                  <Text size="sm" mt={4}>
                    {tx(p.summary, lang)}
                  </Text>
                )}
                {p.focus.length > 0 && (
                  <Title order={3} size="h5" mt="sm" mb={4}>
                    {t("focus", { count: p.focus.length })}
                  </Title>
                )}
                <Stack component="ol" gap="sm" style={{ paddingLeft: "1.25rem", margin: 0 }}>
                  {p.focus.map((f) => (
                    <li key={tx(f.title, "vi")}>
                      <Text fw={600} size="sm">
                        {tx(f.title, lang)}
                      </Text>
                      {f.description && (
                        <Text size="sm" c="dark.6">
                          {tx(f.description, lang)}
                        </Text>
                      )}
                      {(f.systems.length > 0 || f.initiatives.length > 0) && (
                        <Group gap={6} mt={4} wrap="wrap">
                          {f.systems.map((s) => (
                            <Anchor
                              key={s.code}
                              size="xs"
                              renderRoot={(props) => (
                                <Link
                                  {...props}
                                  to="/plans/$plan/systems/$system"
                                  params={{ plan, system: s.code }}
                                />
                              )}
                            >
                              {t("system", { code: s.code, name: tx(s.name, lang) })}
                            </Anchor>
                          ))}
                          {f.initiatives.map((i) => (
                            <Anchor
                              key={i.code}
                              size="xs"
                              renderRoot={(props) => (
                                <Link
                                  {...props}
                                  to="/plans/$plan/initiatives/$initiative"
                                  params={{ plan, initiative: i.code }}
                                />
                              )}
                            >
                              {t("initiative", { code: i.code, name: tx(i.shortTitle ?? i.title, lang) })}
                            </Anchor>
                          ))}
                        </Group>
                      )}
                    </li>
                  ))}
                </Stack>
              </Paper>
            </li>
          );
        })}
      </ol>
    </Stack>
  );
}
