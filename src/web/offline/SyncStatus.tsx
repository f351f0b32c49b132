/**
 * The online/offline indicator the grid places above itself: "Ngoại tuyến — 3 giá trị chưa đồng
 * bộ", "Đang đồng bộ…", "Đã đồng bộ lúc 10:42". Announced politely to screen readers; offers
 * "Sync now" when values wait while the browser believes it is online.
 */
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../i18n/index.js";
import { formatTime } from "../lib/format.js";
import "./offline.css";
import "./strings.js";
import { type StatusMessage, syncStatus } from "./sync-status.js";
import type { Outbox } from "./types.js";

type Props = {
  outbox: Pick<Outbox, "pending" | "online" | "syncing" | "lastSyncedAt" | "signedOut" | "sync">;
};

function useText(m: StatusMessage): string {
  const { t } = useTranslation("offline");
  switch (m.key) {
    case "signedOut":
      return t("status.signedOut", { count: m.count });
    case "offlinePending":
      return t("status.offlinePending", { count: m.count });
    case "pending":
      return t("status.pending", { count: m.count });
    case "attention":
      return t("status.attention", { count: m.count });
    case "offline":
      return t("status.offline");
    case "syncing":
      return t("status.syncing");
    case "synced":
      return t("status.synced");
    case "syncedAt":
      return t("status.syncedAt", { time: formatTime(new Date(m.at), currentLanguage()) });
  }
}

export function SyncStatus({ outbox }: Props) {
  const { t } = useTranslation("offline");
  const message = syncStatus(outbox);
  const text = useText(message);
  return (
    <div className="sync-status" data-tone={message.tone}>
      <span className="sync-status-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="sync-status-text">
        {text}
      </span>
      {message.key === "pending" && (
        <Button size="compact-sm" variant="subtle" onClick={() => void outbox.sync()}>
          {t("status.syncNow")}
        </Button>
      )}
    </div>
  );
}
