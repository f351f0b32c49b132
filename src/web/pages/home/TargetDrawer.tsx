/**
 * The target drawer (search param `target`): the series of the indicator the status comes from,
 * with target line and forecast band; the KPIs that measure the target; the provinces and
 * ministries pulling it down the most (GET /indicators/{code}/laggards); a link to the indicator.
 */
import { Anchor, Drawer, Group, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSeries } from "../../api/dashboards.js";
import { SeriesChart } from "../../components/charts/SeriesChart.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { describeForecast, describeTarget, formatPeriod, pick, sinceOf, withUnit } from "./home-model.js";
import { Laggards } from "./Laggards.js";
import type { OverviewTarget } from "./TargetTable.js";

type Basis = "approved" | "reported";

export function TargetDrawer({
  plan,
  basis,
  target,
  onClose,
}: {
  plan: string;
  basis: Basis | undefined;
  target: OverviewTarget | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  return (
    <Drawer
      opened={target !== undefined}
      onClose={onClose}
      position="right"
      size="xl"
      title={target ? pick(target.name, lang) : ""}
      closeButtonProps={{ "aria-label": t("drawer.close") }}
      className="no-print"
    >
      {target && <DrawerBody plan={plan} basis={basis} target={target} />}
    </Drawer>
  );
}

function DrawerBody({
  plan,
  basis,
  target,
}: {
  plan: string;
  basis: Basis | undefined;
  target: OverviewTarget;
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const since = sinceOf(target);
  const indicator = target.basedOn ?? target.code;
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="gray.7">
          {target.code}
        </Text>
        <StatusBadge status={target.status} size="md" />
        {since && (
          <Text size="sm" c="gray.7">
            {since.from
              ? t("targets.sinceFrom", {
                  period: formatPeriod(since.period),
                  from: t(`status.${since.from}`, { ns: "common" }),
                })
              : t("targets.since", { period: formatPeriod(since.period) })}
          </Text>
        )}
      </Group>
      <Text>{target.reason[lang]}</Text>
      <dl className="drawer-facts">
        <div>
          <dt>{t("targets.latest")}</dt>
          <dd>
            {target.latest
              ? `${withUnit(target.latest.value, target.unit, lang)} (${formatPeriod(target.latest.period)})`
              : t("targets.noValue")}
          </dd>
        </div>
        <div>
          <dt>{t("targets.target")}</dt>
          <dd>
            {target.target
              ? `${describeTarget(target.target, target.unit, lang)} (${target.target.year})`
              : "—"}
          </dd>
        </div>
        <div>
          <dt>{t("targets.forecast")}</dt>
          <dd>
            {target.forecast
              ? `${target.forecast.year}: ${describeForecast(target.forecast, target.unit, lang)}`
              : t("targets.noForecast")}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="drawer-series">
        <h3 id="drawer-series" className="drawer-title">
          {t("drawer.series", { code: indicator })}
        </h3>
        <DrawerSeries indicator={indicator} plan={plan} basis={basis} />
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/indicators/$code" params={{ code: indicator }} search={{ plan, basis }} />
          )}
        >
          {t("drawer.indicatorPage")}
        </Anchor>
      </section>
      <MeasuredBy target={target} />
      <Laggards indicator={indicator} plan={plan} basis={basis} />
    </Stack>
  );
}

function DrawerSeries({
  indicator,
  plan,
  basis,
}: {
  indicator: string;
  plan: string;
  basis: Basis | undefined;
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const series = useSeries(indicator, basis ? { plan, basis } : { plan });
  if (series.isPending) return <Loading />;
  if (series.isError) return <ErrorNote error={series.error} />;
  const s = series.data;
  if (s.points.every((p) => p.value === null)) return <Text c="gray.7">{t("drawer.noSeries")}</Text>;
  return (
    <SeriesChart
      series={{
        points: s.points,
        targets: s.targets,
        forecastBand: s.forecastBand,
        unit: pick(s.indicator.unit, lang) || null,
      }}
      title={pick(s.indicator.name, lang)}
      height={260}
    />
  );
}

function MeasuredBy({ target }: { target: OverviewTarget }) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  return (
    <section aria-labelledby="drawer-kpis">
      <h3 id="drawer-kpis" className="drawer-title">
        {t("drawer.kpis", { count: target.measuredBy.length })}
      </h3>
      {target.measuredBy.length === 0 ? (
        <Text c="gray.7" size="sm">
          {t("drawer.noKpis")}
        </Text>
      ) : (
        <ul className="kpi-list">
          {target.measuredBy.map((k) => (
            <li key={k.code}>
              <Link to="/indicators/$code" params={{ code: k.code }}>
                {pick(k.name, lang)}
              </Link>{" "}
              <Text span size="xs" c="gray.7">
                ({k.code})
              </Text>
              <div className="status-line">
                <StatusBadge status={k.status} size="xs" />
                <Text span size="xs">
                  {k.latest
                    ? `${withUnit(k.latest.value, k.unit, lang)} (${formatPeriod(k.latest.period)})`
                    : t("targets.noValue")}
                </Text>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
