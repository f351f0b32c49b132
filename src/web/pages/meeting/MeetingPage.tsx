/**
 * Meeting mode at /meeting: the plan on a wall screen, one slide at a time — slide 0 the plan with
 * its systems, then one slide per system with its targets, their statuses and reasons. Arrow
 * keys, Page Up/Down (presentation clickers send these), Home and End change slides; the slide is
 * in the URL (`slide`), so a link opens the same slide. Full screen on request, live updates.
 */
import { Button } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOverview } from "../../api/dashboards.js";
import { usePlans } from "../../api/plans.js";
import { useSession } from "../../api/session.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { LiveCue } from "../../live/LiveCue.js";
import { useLiveUpdates } from "../../live/useLiveUpdates.js";
import { pick } from "../home/home-model.js";
import { SummarySlide } from "./SummarySlide.js";
import { SystemSlide } from "./SystemSlide.js";
import "./meeting.css";

/** Keys that move between slides, and where they go from slide `i` of `n`. */
function targetSlide(key: string, i: number, n: number): number | null {
  switch (key) {
    case "ArrowRight":
    case "PageDown":
      return Math.min(n - 1, i + 1);
    case "ArrowLeft":
    case "PageUp":
      return Math.max(0, i - 1);
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return null;
  }
}

/** Keys typed into a control (the language switch, a button) are the control's, not the deck's. */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.role === "radio";
}

function useFullscreen(): { supported: boolean; active: boolean; toggle(): void } {
  const supported = typeof document !== "undefined" && document.fullscreenEnabled === true;
  const [active, setActive] = useState(() => typeof document !== "undefined" && !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setActive(!!document.fullscreenElement);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { supported, active, toggle };
}

export function MeetingPage() {
  const { t } = useTranslation("meeting");
  const lang = currentLanguage();
  const search = useSearch({ from: "/meeting" });
  const navigate = useNavigate({ from: "/meeting" });
  const session = useSession();
  const plans = usePlans();
  const live = useLiveUpdates();
  const fullscreen = useFullscreen();
  const plan = search.plan ?? DEFAULT_PLAN;
  const canReported = session.data?.can.readReportedValues === true;
  const basis = canReported && search.basis === "reported" ? "reported" : undefined;
  const overview = useOverview(plan, basis ? { basis } : {});
  const systems = overview.data?.systems ?? [];
  const count = systems.length + 1;
  const slide = Math.min(search.slide ?? 0, count - 1);
  const planInfo = plans.data?.items.find((p) => p.code === plan);
  const planName = planInfo ? pick(planInfo.shortName ?? planInfo.name, lang) : plan;

  const go = useCallback(
    (n: number) =>
      void navigate({ search: (prev) => ({ ...prev, slide: n > 0 ? n : undefined }), replace: true }),
    [navigate],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || ownsKeys(e.target)) return;
      const next = targetSlide(e.key, slide, count);
      if (next === null) return;
      e.preventDefault();
      if (next !== slide) go(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [slide, count, go]);

  const system = slide > 0 ? systems[slide - 1] : undefined;

  return (
    <div className="meeting">
      <header className="meeting-bar no-print">
        <div className="meeting-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>
            Chỉ Nam · {t("mode")} · {planName}
          </span>
        </div>
        <LiveCue live={live} loadedAt={overview.dataUpdatedAt || undefined} />
        <nav className="meeting-controls" aria-label={t("controls")}>
          <Button variant="default" onClick={() => go(slide - 1)} disabled={slide === 0}>
            <span aria-hidden>←</span>
            <span className="meeting-button-text">{t("previous")}</span>
          </Button>
          <span className="meeting-count" role="status" aria-live="polite">
            <span className="visually-hidden">{t("slideWord")} </span>
            {slide + 1} / {count}
          </span>
          <Button variant="default" onClick={() => go(slide + 1)} disabled={slide >= count - 1}>
            <span className="meeting-button-text">{t("next")}</span>
            <span aria-hidden>→</span>
          </Button>
          {fullscreen.supported && (
            <Button variant="light" onClick={fullscreen.toggle} aria-pressed={fullscreen.active}>
              {fullscreen.active ? t("exitFullscreen") : t("fullscreen")}
            </Button>
          )}
          <Link to="/" search={{ plan: search.plan, basis }} className="meeting-exit">
            {t("exit")}
          </Link>
        </nav>
      </header>
      <main id="main" className="meeting-main" tabIndex={-1}>
        {overview.isPending ? (
          <Loading />
        ) : overview.isError ? (
          <ErrorNote error={overview.error} />
        ) : system ? (
          <SystemSlide system={system} targets={overview.data.targets} />
        ) : (
          <SummarySlide overview={overview.data} planName={planName} onOpen={go} />
        )}
        <p className="meeting-hint no-print">{t("hint")}</p>
      </main>
    </div>
  );
}
