/**
 * The province map panel of the dashboard: choose an indicator that has values by province, see
 * the 34 provinces as tiles coloured by it (with a legend, a table alternative) and the ranking of
 * provinces or of ministries on it. The indicator and the level are the page's (URL) state, given
 * in and changed through onChange. Data comes through the dashboard hooks, so the live layer's
 * invalidation recolours the tiles without a reload.
 */
import { Group, Select, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOverview } from "../../api/dashboards.js";
import { usePlanIndicators } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import { ErrorNote, Loading } from "../QueryState.js";
import { MapBody } from "./MapBody.js";
import { defaultIndicator, type IndicatorInfo, mapIndicators, pickName } from "./map-model.js";
import "./map.css";

type Basis = "approved" | "reported";
type Level = "province" | "ministry";

export interface ProvinceMapPanelProps {
  plan: string;
  indicator?: string;
  basis?: Basis;
  level?: Level;
  onChange(next: { indicator?: string; level?: Level }): void;
}

export function ProvinceMapPanel({ plan, indicator, basis, level, onChange }: ProvinceMapPanelProps) {
  const { t } = useTranslation("map");
  const lang = currentLanguage();
  const list = usePlanIndicators(plan, { limit: 1000 });
  const overview = useOverview(plan, basis ? { basis } : {});
  const all: IndicatorInfo[] = useMemo(() => list.data?.items ?? [], [list.data]);
  const candidates = useMemo(() => mapIndicators(all), [all]);
  const chosen = indicator ?? defaultIndicator(candidates, overview.data?.targets ?? []);
  const info = all.find((i) => i.code === chosen);

  const groups = useMemo(() => {
    const item = (i: IndicatorInfo) => ({ value: i.code, label: pickName(i.name, lang) });
    const kpis = candidates.filter((i) => i.tier === "kpi").map(item);
    const others = candidates.filter((i) => i.tier !== "kpi").map(item);
    return [
      ...(kpis.length ? [{ group: t("select.kpis"), items: kpis }] : []),
      ...(others.length ? [{ group: t("select.operational"), items: others }] : []),
    ];
  }, [candidates, lang, t]);

  return (
    <section className="map-panel" aria-labelledby="map-panel-title">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs" className="map-panel-head">
        <h2 id="map-panel-title" className="map-panel-title">
          {t("title")}
        </h2>
        {groups.length > 0 && (
          <Select
            className="map-select no-print"
            size="sm"
            label={t("select.label")}
            data={groups}
            value={chosen ?? null}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            onChange={(v) => v && onChange({ indicator: v })}
          />
        )}
      </Group>
      {list.isPending || (overview.isPending && !indicator) ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : !chosen ? (
        <Text c="dimmed">{t("noIndicator")}</Text>
      ) : (
        <MapBody
          plan={plan}
          code={chosen}
          info={info}
          basis={basis}
          level={level ?? "province"}
          onLevel={(l) => onChange({ level: l })}
        />
      )}
    </section>
  );
}
