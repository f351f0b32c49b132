/**
 * The map panel for one indicator: finds the latest period with a value (from the country's
 * series), reads the breakdown under the country (provinces) and, when asked, under the
 * Government (ministries), and lays out tiles, legend, table and ranking.
 */
import { SegmentedControl, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type Breakdown, useBreakdown, useSeries } from "../../api/dashboards.js";
import { currentLanguage } from "../../i18n/index.js";
import { ErrorNote, Loading } from "../QueryState.js";
import type { Status } from "../StatusBadge.js";
import { statusFill } from "../StatusBadge.js";
import { MapLegend } from "./MapLegend.js";
import { MapTable } from "./MapTable.js";
import { formatMapValue, usePeriodLabel } from "./map-format.js";
import {
  classOf,
  colourMode,
  type IndicatorInfo,
  latestPeriod,
  noValueFill,
  pickName,
  rankUnits,
  type UnitValue,
  valueClasses,
} from "./map-model.js";
import { provinceTiles } from "./province-tiles.js";
import { TileMap, type TileView } from "./TileMap.js";
import { UnitRanking } from "./UnitRanking.js";

/** The country: its children are the provinces (and the central bodies, left out here). */
const COUNTRY = "VN";
/** The Government (src/db/seeds/org-units.yaml, code CP): the ministries sit under it. */
const GOVERNMENT = "CP";

/** A glyph per status so the tile's class reads without colour. */
export const statusGlyph: Record<Status, string> = {
  achieved: "★",
  on_track: "✓",
  at_risk: "!",
  off_track: "✕",
  no_data: "–",
};

const shortNames = new Map(provinceTiles.map((t) => [t.code, t.name]));

function unitsOf(b: Breakdown | undefined, keep: (kind: string) => boolean): UnitValue[] {
  return (b?.items ?? [])
    .filter((i) => keep(i.unit.kind))
    .map((i) => ({
      code: i.unit.code,
      // Provinces by the short name the map shows ("Hà Nội", not "Thành phố Hà Nội").
      name: shortNames.get(i.unit.code) ?? i.unit.name,
      value: i.value,
      partial: i.partial,
      status: i.assessment?.status ?? "no_data",
      hasTarget: i.assessment !== null && i.assessment.reason.code !== "no_target",
    }));
}

export function MapBody({
  plan,
  code,
  info,
  basis,
  level,
  onLevel,
}: {
  plan: string;
  code: string;
  info: IndicatorInfo | undefined;
  basis: "approved" | "reported" | undefined;
  level: "province" | "ministry";
  onLevel(level: "province" | "ministry"): void;
}) {
  const { t } = useTranslation("map");
  const { t: tc } = useTranslation("common");
  const lang = currentLanguage();
  const periodLabel = usePeriodLabel();
  const q = basis ? { plan, basis } : { plan };
  const series = useSeries(code, q);
  const period = series.data ? latestPeriod(series.data.points) : null;
  const provinces = useBreakdown(code, period ? { ...q, period, parent: COUNTRY } : null);
  const ministries = useBreakdown(
    code,
    period && level === "ministry" ? { ...q, period, parent: GOVERNMENT } : null,
  );
  // The unit in the page's language, named once above the map.
  const unitText = info?.unit ?? series.data?.indicator.unit ?? null;
  const unit = unitText ? pickName(unitText, lang) : null;
  const fmt = (v: number | null) => formatMapValue(v, unit, lang);

  const provinceUnits = useMemo(() => unitsOf(provinces.data, (k) => k === "province"), [provinces.data]);
  const mode = colourMode(provinceUnits);
  const classes = useMemo(
    () => valueClasses(provinceUnits.flatMap((u) => (u.value === null ? [] : [u.value]))),
    [provinceUnits],
  );
  const direction = info?.direction ?? "higher_better";
  const provinceRanked = useMemo(() => rankUnits(provinceUnits, direction), [provinceUnits, direction]);
  const ministryUnits = useMemo(
    () => unitsOf(ministries.data, (k) => k !== "central_body"),
    [ministries.data],
  );
  const ministryRanked = useMemo(() => rankUnits(ministryUnits, direction), [ministryUnits, direction]);

  if (series.isPending) return <Loading />;
  if (series.isError) return <ErrorNote error={series.error} />;
  const name = pickName(info?.name ?? series.data.indicator.name, lang);
  if (!period) return <Text c="dimmed">{t("noValues", { indicator: name })}</Text>;

  const classText = (u: UnitValue): string => {
    if (u.value === null) return t("legend.noValue");
    if (mode === "status") return tc(`status.${u.status}`);
    const c = classOf(u.value, classes);
    return c ? t("legend.range", { low: fmt(c.low), high: fmt(c.high) }) : "";
  };
  const byCode = new Map(provinceUnits.map((u) => [u.code, u]));
  const rankOf = new Map(provinceRanked.map((r) => [r.code, r.rank]));
  const tiles = new Map<string, TileView>();
  for (const tile of provinceTiles) {
    const u = byCode.get(tile.code);
    const tileName = tile.name[lang];
    if (!u || u.value === null) {
      tiles.set(tile.code, {
        code: tile.code,
        fill: noValueFill,
        valueText: "—",
        label: t("tile.noValue", { unit: tileName }),
      });
      continue;
    }
    const valueText = fmt(u.value);
    const rank = rankOf.get(u.code);
    const rankText = rank ? t("tile.rank", { rank, total: provinceRanked.length }) : "";
    tiles.set(
      tile.code,
      mode === "status"
        ? {
            code: tile.code,
            fill: statusFill[u.status],
            valueText,
            glyph: statusGlyph[u.status],
            label: `${tileName}: ${valueText}, ${tc(`status.${u.status}`).toLocaleLowerCase(lang)}, ${rankText}`,
          }
        : {
            code: tile.code,
            fill: classOf(u.value, classes)?.fill ?? noValueFill,
            valueText,
            label: `${tileName}: ${valueText}, ${rankText}`,
          },
    );
  }

  const when = periodLabel(period);
  const ranked = level === "province" ? provinceRanked : ministryRanked;
  const missing = (level === "province" ? provinceUnits : ministryUnits).filter((u) => u.value === null);
  const rankingQuery = level === "province" ? provinces : ministries;
  const levelWord = level === "province" ? t("level.province") : t("level.ministry");

  return (
    <div className="map-body">
      <p className="map-caption">
        <strong>{name}</strong>
        {unit && <span> ({unit})</span>} · {when}
        {provinces.isFetching && !provinces.isPending && (
          <span className="visually-hidden" role="status">
            {tc("state.loading")}
          </span>
        )}
      </p>
      <div className="map-grid">
        <div className="map-col">
          {provinces.isPending ? (
            <Loading />
          ) : provinces.isError ? (
            <ErrorNote error={provinces.error} />
          ) : (
            <>
              <TileMap
                plan={plan}
                tiles={tiles}
                lang={lang}
                label={t("mapLabel", { indicator: name, period: when })}
              />
              <MapLegend mode={mode} classes={classes} format={fmt} glyphs={statusGlyph} />
              <details className="map-table-details">
                <summary>{t("table.show")}</summary>
                <MapTable
                  plan={plan}
                  ranked={provinceRanked}
                  missing={provinceUnits.filter((u) => u.value === null)}
                  lang={lang}
                  format={fmt}
                  classText={classText}
                  caption={t("table.caption", { indicator: name, period: when })}
                />
              </details>
            </>
          )}
        </div>
        <div className="ranking-col">
          <div className="ranking-head">
            <h3 className="ranking-title">{t("ranking.title")}</h3>
            <SegmentedControl
              className="no-print"
              size="xs"
              aria-label={t("level.label")}
              value={level}
              onChange={(v) => onLevel(v === "ministry" ? "ministry" : "province")}
              data={[
                { value: "province", label: t("level.province") },
                { value: "ministry", label: t("level.ministry") },
              ]}
            />
          </div>
          {rankingQuery.isPending ? (
            <Loading />
          ) : rankingQuery.isError ? (
            <ErrorNote error={rankingQuery.error} />
          ) : (
            <UnitRanking
              plan={plan}
              ranked={ranked}
              missing={missing}
              lang={lang}
              format={fmt}
              showStatus={mode === "status"}
              label={t("ranking.label", { level: levelWord, indicator: name, period: when })}
            />
          )}
        </div>
      </div>
    </div>
  );
}
