/**
 * Provinces or ministries ranked on the chosen indicator, best first by its direction, as a list
 * of bars with the value written out (the bar only repeats the number). Units without a value
 * for the period are named below the list rather than ranked last.
 */
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/index.js";
import { statusColor } from "../StatusBadge.js";
import type { Ranked, UnitValue } from "./map-model.js";
import { pickName } from "./map-model.js";

export function UnitRanking({
  plan,
  ranked,
  missing,
  lang,
  format,
  showStatus,
  label,
}: {
  plan: string;
  ranked: readonly Ranked[];
  missing: readonly UnitValue[];
  lang: Language;
  format: (v: number | null) => string;
  showStatus: boolean;
  label: string;
}) {
  const { t } = useTranslation("map");
  const { t: tc } = useTranslation("common");
  const max = Math.max(...ranked.map((r) => Math.abs(r.value ?? 0)), 0);
  if (ranked.length === 0)
    return (
      <p className="ranking-empty" role="note">
        {t("ranking.none")}
      </p>
    );
  return (
    <>
      <ol className="ranking" aria-label={label}>
        {ranked.map((r) => {
          const share = max > 0 ? Math.abs(r.value ?? 0) / max : 0;
          return (
            <li key={r.code} className="ranking-row">
              <span className="ranking-rank">{r.rank}</span>
              <Link
                to="/org-units/$code"
                params={{ code: r.code }}
                search={{ plan }}
                className="ranking-name"
              >
                {pickName(r.name, lang)}
              </Link>
              <span className="ranking-bar" aria-hidden>
                <span
                  style={{
                    width: `${Math.max(2, share * 100)}%`,
                    background: showStatus ? statusColor[r.status] : undefined,
                  }}
                />
              </span>
              <span className="ranking-value">
                {format(r.value)}
                {showStatus && <span className="visually-hidden">, {tc(`status.${r.status}`)}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {missing.length > 0 && (
        <p className="ranking-missing">
          {t("ranking.missing", {
            count: missing.length,
            units: missing.map((m) => pickName(m.name, lang)).join(", "),
          })}
        </p>
      )}
    </>
  );
}
