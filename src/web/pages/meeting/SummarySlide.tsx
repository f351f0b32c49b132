/**
 * Slide 0: the plan at a glance — its status and progress, its targets counted by status, and the
 * six systems with theirs. Each system card opens that system's slide.
 */
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge, statusColor, statusFill } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";
import { countEntries, pick, progressPercent, statusOrder } from "../home/home-model.js";

export function SummarySlide({
  overview,
  planName,
  onOpen,
}: {
  overview: Overview;
  planName: string;
  onOpen(slide: number): void;
}) {
  const { t } = useTranslation("meeting");
  const { t: tc } = useTranslation("common");
  const lang = currentLanguage();
  return (
    <article className="slide" aria-labelledby="slide-title">
      <div className="slide-head">
        <h1 id="slide-title" className="slide-title">
          {t("summary.title", { plan: planName })}
        </h1>
        <div className="slide-status">
          <StatusBadge status={overview.status} size="lg" />
          <span className="slide-progress">
            {t("progress")}: <strong>{formatPercent(overview.progress, lang)}</strong>
          </span>
        </div>
      </div>
      <h2 className="visually-hidden">{t("summary.counts")}</h2>
      <ul className="count-row" aria-label={t("summary.counts")}>
        {statusOrder.map((s) => (
          <li
            key={s}
            className="count-tile"
            style={{ borderColor: statusColor[s], background: statusFill[s] }}
          >
            <span className="count-number">{overview.counts[s]}</span>
            <span className="count-word">{tc(`status.${s}`)}</span>
          </li>
        ))}
      </ul>
      <h2 className="slide-subtitle">{t("summary.systems", { count: overview.systems.length })}</h2>
      <ul className="meeting-systems">
        {overview.systems.map((s, i) => (
          <li key={s.code}>
            <button
              type="button"
              className="meeting-system"
              style={{ borderLeftColor: statusColor[s.status] }}
              onClick={() => onOpen(i + 1)}
            >
              <span className="meeting-system-head">
                <span className="meeting-system-name">
                  <span className="system-code">{s.code}</span> {pick(s.name, lang)}
                </span>
                <StatusBadge status={s.status} size="lg" />
              </span>
              <span className="meeting-bar-track" aria-hidden>
                <span
                  style={{ width: `${progressPercent(s.progress)}%`, background: statusColor[s.status] }}
                />
              </span>
              <span className="meeting-system-meta">
                {t("progress")}: <strong>{formatPercent(s.progress, lang)}</strong>
                {" · "}
                {countEntries(s.counts)
                  .map(([status, n]) => `${n} ${tc(`status.${status}`).toLocaleLowerCase(lang)}`)
                  .join(" · ")}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
