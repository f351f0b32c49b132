/**
 * The map's legend: the classes the tiles are coloured by, each with its swatch and its meaning in
 * words — statuses (with their glyphs) or value ranges, lowest first — and the "no value" class.
 */
import { useTranslation } from "react-i18next";
import { type Status, statusFill } from "../StatusBadge.js";
import { type ColourMode, noValueFill, type ValueClass } from "./map-model.js";

const statuses: readonly Status[] = ["achieved", "on_track", "at_risk", "off_track", "no_data"];

export function MapLegend({
  mode,
  classes,
  format,
  glyphs,
}: {
  mode: ColourMode;
  classes: readonly ValueClass[];
  format: (v: number | null) => string;
  glyphs: Record<Status, string>;
}) {
  const { t } = useTranslation("map");
  const { t: tc } = useTranslation("common");
  return (
    <div className="map-legend">
      <p className="map-legend-title">{mode === "status" ? t("legend.byStatus") : t("legend.byValue")}</p>
      <ul>
        {mode === "status"
          ? statuses.map((s) => (
              <li key={s}>
                <span className="swatch" style={{ background: statusFill[s] }} aria-hidden>
                  {glyphs[s]}
                </span>
                {tc(`status.${s}`)}
              </li>
            ))
          : classes.map((c) => (
              <li key={c.index}>
                <span className="swatch" style={{ background: c.fill }} aria-hidden />
                {c.low === c.high
                  ? format(c.low)
                  : t("legend.range", { low: format(c.low), high: format(c.high) })}
              </li>
            ))}
        <li>
          <span className="swatch swatch-none" style={{ background: noValueFill }} aria-hidden>
            —
          </span>
          {t("legend.noValue")}
        </li>
      </ul>
    </div>
  );
}
