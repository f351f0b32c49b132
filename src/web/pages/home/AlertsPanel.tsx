/**
 * What needs attention (GET /plans/{code}/alerts): targets off track and why, status changes,
 * units that have not reported this period, outliers and revised values. Each heading carries its
 * count, each list says when it is empty. Only for people who may read the plan's data gaps.
 */
import { Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { memo, type ReactNode, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { type Alerts, useAlerts } from "../../api/dashboards.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { formatPeriod, pick, reasonText } from "./home-model.js";

type Basis = "approved" | "reported";

/** Memoised: the dashboard re-renders on each of its own queries, this panel only on its own. */
export const AlertsPanel = memo(function AlertsPanel({
  plan,
  basis,
}: {
  plan: string;
  basis: Basis | undefined;
}) {
  const { t } = useTranslation("home");
  const alerts = useAlerts(plan, basis ? { basis } : {});
  // The lists (every unit that has not reported, each flag) are drawn as a deferred, interruptible
  // update: a query's answer otherwise re-renders its readers in one uninterruptible task.
  const data = useDeferredValue(alerts.data, undefined);
  // Someone signed in who may not read the plan's gaps (a reporter) gets no panel, not an error.
  if (alerts.error instanceof ApiError && (alerts.error.status === 403 || alerts.error.status === 401))
    return null;
  return (
    <aside aria-labelledby="alerts-title" className="alerts-panel">
      <h2 id="alerts-title" className="section-title">
        {t("alerts.title")}
      </h2>
      {alerts.isError ? (
        <ErrorNote error={alerts.error} />
      ) : data ? (
        <AlertLists alerts={data} />
      ) : (
        <Loading />
      )}
    </aside>
  );
});

function Section({
  id,
  title,
  count,
  empty,
  children,
  listClass,
}: {
  listClass?: string;
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section className="alert-section" aria-labelledby={id}>
      <h3 className="alert-title" id={id}>
        {title} <span className={count > 0 ? "alert-count alert-count-on" : "alert-count"}>{count}</span>
      </h3>
      {count === 0 ? (
        <Text size="sm" c="gray.7">
          {empty}
        </Text>
      ) : (
        <ul className={listClass ? `alert-list ${listClass}` : "alert-list"}>{children}</ul>
      )}
    </section>
  );
}

function AlertLists({ alerts }: { alerts: Alerts }) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const period = formatPeriod(alerts.period);
  const more = (shown: number, total: number) =>
    total > shown ? (
      <li className="alert-more">
        <Text size="xs" c="gray.7">
          {t("alerts.more", { count: total - shown })}
        </Text>
      </li>
    ) : null;
  const jumps = [
    ["alerts-off-track", t("alerts.offTrack"), alerts.counts.offTrack],
    ["alerts-changes", t("alerts.statusChanges"), alerts.counts.statusChanges],
    ["alerts-not-reported", t("alerts.notReportedShort"), alerts.counts.unitsNotReported],
    ["alerts-outliers", t("alerts.outliers"), alerts.counts.outliers],
    ["alerts-revised", t("alerts.revised"), alerts.counts.revised],
  ] as const;
  return (
    <>
      {/* Every count at once, each a jump to its list: the panel answers "how much" in one glance. */}
      <nav aria-label={t("alerts.jump")}>
        <ul className="alert-jump">
          {jumps.map(([id, label, n]) => (
            <li key={id}>
              <a href={`#${id}`}>
                <strong>{n}</strong> {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Section
        id="alerts-off-track"
        title={t("alerts.offTrack")}
        count={alerts.counts.offTrack}
        empty={t("alerts.offTrackNone")}
      >
        {alerts.offTrack.map((a) => (
          <li key={a.code}>
            <TargetLink code={a.code} name={pick(a.name, lang)} />
            <Text size="xs" className="clamp-2">
              {reasonText(a.reason[lang], a.basedOn)}
            </Text>
            {a.changedAt && (
              <Text size="xs" c="gray.7">
                {t("alerts.since", { period: formatPeriod(a.changedAt) })}
              </Text>
            )}
          </li>
        ))}
        {more(alerts.offTrack.length, alerts.counts.offTrack)}
      </Section>
      <Section
        id="alerts-changes"
        title={t("alerts.statusChanges")}
        count={alerts.counts.statusChanges}
        empty={t("alerts.statusChangesNone")}
      >
        {alerts.statusChanges.map((a) => (
          <li key={a.code}>
            <TargetLink code={a.code} name={pick(a.name, lang)} />
            <div className="status-line">
              {a.previousStatus && (
                <>
                  <StatusBadge status={a.previousStatus} size="xs" />
                  <span aria-hidden>→</span>
                  <span className="visually-hidden">{t("alerts.to")}</span>
                </>
              )}
              <StatusBadge status={a.status} size="xs" />
              {a.changedAt && (
                <Text span size="xs" c="gray.7">
                  {formatPeriod(a.changedAt)}
                </Text>
              )}
            </div>
          </li>
        ))}
        {more(alerts.statusChanges.length, alerts.counts.statusChanges)}
      </Section>
      <Section
        id="alerts-not-reported"
        listClass="alert-units"
        title={t("alerts.notReported", { period })}
        count={alerts.counts.unitsNotReported}
        empty={t("alerts.notReportedNone")}
      >
        {alerts.notReported.map((u) => (
          <li key={u.unit.code}>
            <Link to="/org-units/$code" params={{ code: u.unit.code }} search={{ plan: alerts.plan }}>
              {pick(u.unit.name, lang)}
            </Link>
            <Text span size="xs" c="gray.7" className="nowrap">
              {" "}
              {t("alerts.reportedOf", { reported: u.reported, expected: u.expected })}
            </Text>
          </li>
        ))}
        {more(alerts.notReported.length, alerts.counts.unitsNotReported)}
      </Section>
      <Section
        id="alerts-outliers"
        title={t("alerts.outliers")}
        count={alerts.counts.outliers}
        empty={t("alerts.outliersNone")}
      >
        {alerts.outliers.map((v) => (
          <FlaggedItem key={v.observationId} value={v} />
        ))}
        {more(alerts.outliers.length, alerts.counts.outliers)}
      </Section>
      <Section
        id="alerts-revised"
        title={t("alerts.revised")}
        count={alerts.counts.revised}
        empty={t("alerts.revisedNone")}
      >
        {alerts.revised.map((v) => (
          <FlaggedItem key={v.observationId} value={v} />
        ))}
        {more(alerts.revised.length, alerts.counts.revised)}
      </Section>
    </>
  );
}

function TargetLink({ code, name }: { code: string; name: string }) {
  return (
    <Link to="/" search={(prev) => ({ ...prev, target: code })} resetScroll={false} className="alert-target">
      {name}
    </Link>
  );
}

function FlaggedItem({ value }: { value: Alerts["outliers"][number] }) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  return (
    <li>
      <Link to="/indicators/$code" params={{ code: value.indicator }}>
        {value.indicator}
      </Link>{" "}
      ·{" "}
      <Link to="/org-units/$code" params={{ code: value.unit }}>
        {value.unit}
      </Link>
      <Text size="xs" c="gray.7">
        {t("alerts.value", { value: formatNumber(value.value, lang) })}
        {value.zOwn !== null && ` · ${t("alerts.zOwn", { z: formatNumber(value.zOwn, lang, 1) })}`}
        {value.zPeers !== null && ` · ${t("alerts.zPeers", { z: formatNumber(value.zPeers, lang, 1) })}`}
      </Text>
    </li>
  );
}
