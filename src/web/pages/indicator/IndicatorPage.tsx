/**
 * One indicator: its definition and, in tabs kept in the URL, its national series with target and
 * forecast band, its values by unit, its values by disaggregation category, a comparison of chosen
 * units, the data-quality flags of a period and the version history of its definition and targets;
 * CSV and Excel downloads.
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { exportUrl, useIndicator } from "../../api/indicators.js";
import { useSession } from "../../api/session.js";
import { NotFound } from "../../components/NotFound.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { CrumbLink, DrillCrumbs, Fact, tx, useUnitNames } from "../system/drill-shared.js";
import { CompareTab } from "./CompareTab.js";
import { DisaggregationsTab } from "./DisaggregationsTab.js";
import { HistoryTab } from "./HistoryTab.js";
import { QualityTab } from "./QualityTab.js";
import { SeriesTab } from "./SeriesTab.js";
import { UnitsTab } from "./UnitsTab.js";

const TABS = ["series", "units", "disaggregations", "compare", "quality", "history"] as const;
type Tab = (typeof TABS)[number];

export function IndicatorPage() {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const { code } = useParams({ from: "/indicators/$code" });
  const search = useSearch({ from: "/indicators/$code" });
  const navigate = useNavigate({ from: "/indicators/$code" });
  const plan = search.plan ?? "NQ57";
  const tab: Tab = search.tab ?? "series";
  const indicator = useIndicator(code);
  const session = useSession();
  const unitName = useUnitNames();

  if (indicator.isPending) return <Loading />;
  if (indicator.error instanceof ApiError && indicator.error.status === 404) return <NotFound />;
  if (indicator.isError) return <ErrorNote error={indicator.error} />;
  const ind = indicator.data;
  const name = tx(ind.name, lang);
  const signedIn = Boolean(session.data?.user);
  const dims = Object.entries(ind.disaggregations ?? {});

  return (
    <Stack className="page" gap="md">
      <DrillCrumbs
        plan={plan}
        trail={ind.systems.slice(0, 1).map((s) => (
          <CrumbLink key={s} to="/plans/$plan/systems/$system" params={{ plan, system: s }}>
            {t("system", { code: s })}
          </CrumbLink>
        ))}
        here={name}
      />
      <div>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {ind.code} · {t(`tier.${ind.tier}`)}
          </Text>
          {ind.proposed && (
            <Badge variant="outline" color="gray" radius="sm" size="sm" style={{ textTransform: "none" }}>
              {t("proposed")}
            </Badge>
          )}
          {ind.retired && (
            <Badge variant="outline" color="gray" radius="sm" size="sm" style={{ textTransform: "none" }}>
              {t("retired")}
            </Badge>
          )}
        </Group>
        <Title order={1} size="h2">
          {name}
        </Title>
        {ind.definition && (
          <Text size="sm" mt={4} maw={900}>
            {tx(ind.definition, lang)}
          </Text>
        )}
      </div>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t("facts.title")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
          <Fact label={t("facts.unit")}>{tx(ind.unit, lang) || "—"}</Fact>
          <Fact label={t("facts.frequency")}>{t(`frequency.${ind.frequency}`)}</Fact>
          <Fact label={t("facts.direction")}>{t(`direction.${ind.direction}`)}</Fact>
          <Fact label={t("facts.source")}>{tx(ind.dataSource, lang) || "—"}</Fact>
          <Fact label={t("facts.responsible")}>
            {ind.responsibleUnit ? (
              <Anchor
                size="sm"
                renderRoot={(p) => (
                  <Link
                    {...p}
                    to="/org-units/$code"
                    params={{ code: ind.responsibleUnit ?? "" }}
                    search={{ plan }}
                  />
                )}
              >
                {unitName(ind.responsibleUnit)}
              </Anchor>
            ) : (
              "—"
            )}
          </Fact>
          <Fact label={t("facts.systems")}>
            {ind.systems.length === 0
              ? "—"
              : ind.systems.map((s, k) => (
                  <span key={s}>
                    {k > 0 && ", "}
                    <Anchor
                      size="sm"
                      renderRoot={(p) => (
                        <Link {...p} to="/plans/$plan/systems/$system" params={{ plan, system: s }} />
                      )}
                    >
                      {s}
                    </Anchor>
                  </span>
                ))}
          </Fact>
        </SimpleGrid>
        {ind.formula && (
          <Text size="xs" c="dimmed" mt="sm">
            {t("facts.formula")}: <code>{ind.formula}</code>
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          {dims.length === 0
            ? t("facts.noDisaggregations")
            : t("facts.disaggregations", {
                list: dims
                  .map(
                    ([d, opts]) =>
                      `${t(`disaggregations.dimension.${d}`, { defaultValue: d })} (${opts
                        .map((o) => t(`disaggregations.option.${o}`, { defaultValue: o }))
                        .join(", ")})`,
                  )
                  .join("; "),
              })}
        </Text>
        <Group gap="xs" mt="sm" className="no-print">
          <Button
            size="xs"
            variant="default"
            component="a"
            href={exportUrl({ format: "csv", indicator: code })}
            download
          >
            {t("download.csv")}
          </Button>
          <Button
            size="xs"
            variant="default"
            component="a"
            href={exportUrl({ format: "xlsx", indicator: code })}
            download
          >
            {t("download.xlsx")}
          </Button>
        </Group>
      </Paper>

      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(v) => {
          const next = TABS.find((x) => x === v);
          void navigate({
            search: (p) => ({ ...p, tab: next === "series" ? undefined : next }),
            replace: true,
          });
        }}
      >
        <Tabs.List aria-label={t("tabs.label")}>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="series" pt="md">
          <SeriesTab code={code} plan={plan} indicator={ind} />
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsTab code={code} plan={plan} indicator={ind} />
        </Tabs.Panel>
        <Tabs.Panel value="disaggregations" pt="md">
          <DisaggregationsTab code={code} plan={plan} indicator={ind} />
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="md">
          <CompareTab code={code} plan={plan} indicator={ind} />
        </Tabs.Panel>
        <Tabs.Panel value="quality" pt="md">
          <QualityTab code={code} plan={plan} indicator={ind} signedIn={signedIn} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab code={code} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
