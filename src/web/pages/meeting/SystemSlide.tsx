/**
 * One system's slide: its status, progress and counts, then its targets worst first, each with
 * its status, latest value against the target, the one-sentence reason and the KPIs measuring it.
 */
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge, statusColor, statusFill } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import {
  describeTarget,
  formatPeriod,
  pick,
  progressPercent,
  reasonText,
  statusOrder,
  withUnit,
} from "../home/home-model.js";

type System = Overview["systems"][number];
type Target = Overview["targets"][number];

export function SystemSlide({ system, targets }: { system: System; targets: readonly Target[] }) {
  const { t } = useTranslation("meeting");
  const { t: tc } = useTranslation("common");
  const lang = currentLanguage();
  const byCode = new Map(targets.map((x) => [x.code, x]));
  const rank = (s: Target["status"]) => statusOrder.indexOf(s);
  const mine = system.targets
    .map((c) => byCode.get(c))
    .filter((x): x is Target => x !== undefined)
    .sort((a, b) => rank(a.status) - rank(b.status) || a.code.localeCompare(b.code));
  // Targets without enough data have nothing to read but their names: one line for all of them
  // keeps the judged ones on the wall screen without scrolling.
  const judged = mine.filter((x) => x.status !== "no_data");
  const unjudged = mine.filter((x) => x.status === "no_data");

  return (
    <article className="slide" aria-labelledby="slide-title">
      <div className="slide-head">
        <h1 id="slide-title" className="slide-title">
          <span className="system-code">{system.code}</span> {pick(system.name, lang)}
        </h1>
        <div className="slide-status">
          <StatusBadge status={system.status} size="lg" />
          <span className="slide-progress">
            {t("progress")}: <strong>{formatPercent(system.progress, lang)}</strong>
          </span>
        </div>
      </div>
      <span className="meeting-bar-track wide" aria-hidden>
        <span
          style={{ width: `${progressPercent(system.progress)}%`, background: statusColor[system.status] }}
        />
      </span>
      <h2 className="visually-hidden">{t("summary.counts")}</h2>
      <ul className="count-row compact" aria-label={t("summary.counts")}>
        {statusOrder.map((s) => (
          <li
            key={s}
            className="count-tile"
            style={{ borderColor: statusColor[s], background: statusFill[s] }}
          >
            <span className="count-number">{system.counts[s]}</span>
            <span className="count-word">{tc(`status.${s}`)}</span>
          </li>
        ))}
      </ul>
      <h2 className="slide-subtitle">{t("system.targets", { count: mine.length })}</h2>
      {mine.length === 0 ? (
        <p>{t("system.none")}</p>
      ) : (
        <ul className="meeting-targets">
          {judged.map((x) => (
            <li key={x.code} className="meeting-target" style={{ borderTopColor: statusColor[x.status] }}>
              <div className="meeting-target-head">
                <StatusBadge status={x.status} size="md" />
                <span className="meeting-target-code">{x.code}</span>
              </div>
              <h3 className="meeting-target-name">{pick(x.name, lang)}</h3>
              <p className="meeting-target-values">
                {x.latest
                  ? t("system.latest", {
                      value: withUnit(x.latest.value, x.unit, lang),
                      period: formatPeriod(x.latest.period),
                    })
                  : t("system.noLatest")}
                {x.target &&
                  ` · ${t("system.goal", { year: x.target.year, goal: describeTarget(x.target, x.unit, lang) })}`}
              </p>
              <p className="meeting-target-reason">{reasonText(pick(x.reason, lang), x.basedOn)}</p>
              {x.measuredBy.length > 0 && (
                <ul className="meeting-kpis" aria-label={t("system.kpis")}>
                  {x.measuredBy.map((k) => (
                    <li key={k.code}>
                      <span className="kpi-dot" style={{ background: statusColor[k.status] }} aria-hidden />
                      <span className="kpi-name">{pick(k.name, lang)}</span>
                      <span className="kpi-status">{tc(`status.${k.status}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {unjudged.length > 0 && (
        <p className="meeting-unjudged">
          <strong>{t("system.unjudged", { count: unjudged.length })}</strong>{" "}
          {unjudged.map((x) => `${x.code} ${pick(x.name, lang)}`).join(" · ")}
        </p>
      )}
    </article>
  );
}
