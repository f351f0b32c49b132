/**
 * One group of targets (an objective of the plan) as a table: name, latest value, target,
 * forecast with its 80 % band, and the status with its reason and since when it holds. Each name
 * is a link that opens the target's drawer (search param `target`), so the view is shareable.
 */
import { Text } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import {
  describeForecast,
  describeTarget,
  formatPeriod,
  pick,
  reasonText,
  sinceOf,
  withUnit,
} from "./home-model.js";

export type OverviewTarget = Overview["targets"][number];

export function TargetTable({ targets, caption }: { targets: OverviewTarget[]; caption: string }) {
  const { t } = useTranslation("home");
  const navigate = useNavigate({ from: "/" });
  const open = (code: string) =>
    void navigate({ search: (prev) => ({ ...prev, target: code }), resetScroll: false });
  return (
    <table className="target-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("targets.name")}</th>
          <th scope="col">{t("targets.latest")}</th>
          <th scope="col">{t("targets.target")}</th>
          <th scope="col">{t("targets.forecast")}</th>
          <th scope="col">{t("targets.status")}</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          // The row is a large mouse target; the link in it is the keyboard's.
          <tr key={target.code} onClick={() => open(target.code)} data-status={target.status}>
            <TargetCells target={target} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TargetCells({ target }: { target: OverviewTarget }) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const since = sinceOf(target);
  return (
    <>
      <th scope="row" data-label={t("targets.name")}>
        <Link
          to="/"
          search={(prev) => ({ ...prev, target: target.code })}
          resetScroll={false}
          className="target-link"
          onClick={(e) => e.stopPropagation()}
        >
          <span className="target-code">{target.code}</span> {pick(target.name, lang)}
        </Link>
      </th>
      <td data-label={t("targets.latest")}>
        {target.latest ? (
          <>
            <span className="num">{withUnit(target.latest.value, target.unit, lang)}</span>
            <Text span size="xs" c="gray.7" className="nowrap">
              {" "}
              ({formatPeriod(target.latest.period)}
              {target.latest.partial ? `, ${t("targets.partial")}` : ""})
            </Text>
          </>
        ) : (
          <Text span size="sm" c="gray.7">
            {t("targets.noValue")}
          </Text>
        )}
      </td>
      <td data-label={t("targets.target")}>
        {target.target ? (
          <>
            <span className="num">{describeTarget(target.target, target.unit, lang)}</span>
            <Text span size="xs" c="gray.7">
              {" "}
              ({target.target.year})
            </Text>
          </>
        ) : (
          "—"
        )}
      </td>
      <td data-label={t("targets.forecast")}>
        {target.forecast ? (
          <>
            <Text span size="xs" c="gray.7">
              {target.forecast.year}:{" "}
            </Text>
            <span className="num">{describeForecast(target.forecast, target.unit, lang)}</span>
          </>
        ) : (
          <Text span size="sm" c="gray.7">
            {t("targets.noForecast")}
          </Text>
        )}
      </td>
      <td data-label={t("targets.status")} className="status-cell">
        <div className="status-line">
          <StatusBadge status={target.status} />
          {since && (
            <Text span size="xs" c="gray.7">
              {since.from
                ? t("targets.sinceFrom", {
                    period: formatPeriod(since.period),
                    from: t(`status.${since.from}`, { ns: "common" }),
                  })
                : t("targets.since", { period: formatPeriod(since.period) })}
            </Text>
          )}
        </div>
        <Text size="sm" className="reason">
          {reasonText(target.reason[lang], target.basedOn)}
        </Text>
      </td>
    </>
  );
}
