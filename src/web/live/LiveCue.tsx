/**
 * The visible, politely announced cue of live data: "Cập nhật lúc 10:42" / "Updated at 10:42",
 * or that the stream is reconnecting. Before any change arrives it shows when the page's data
 * was loaded (`loadedAt`).
 */
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../i18n/index.js";
import { formatTime } from "../lib/format.js";
import type { LiveSnapshot } from "./connection.js";
import "./live.css";

export function LiveCue({ live, loadedAt }: { live: LiveSnapshot; loadedAt?: number }) {
  const { t } = useTranslation("live");
  const lang = currentLanguage();
  const when = live.lastUpdate ?? (loadedAt ? new Date(loadedAt) : null);
  const text =
    live.state === "reconnecting"
      ? t("reconnecting")
      : when
        ? t("updatedAt", { time: formatTime(when, lang) })
        : t("connecting");
  return (
    <Text
      component="p"
      size="sm"
      c={live.state === "reconnecting" ? "orange.9" : "gray.7"}
      role="status"
      aria-live="polite"
      className="live-cue"
      data-state={live.state}
      m={0}
    >
      <span aria-hidden className={`live-dot live-dot-${live.state}`} /> {text}
    </Text>
  );
}
