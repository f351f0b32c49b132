/** The statuses and their colours, shared by badges, tiles and charts (no JSX: pure models import it). */
export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "no_data";

/** Colours chosen for 4.5:1 contrast of white text (filled) and for colour-blind distinction. */
export const statusColor: Record<Status, string> = {
  achieved: "#1b5e20",
  on_track: "#2e7d32",
  at_risk: "#9a5b00",
  off_track: "#b3261e",
  no_data: "#5f6368",
};

/** Lighter fills for tiles and bars, each still carrying a dark label. */
export const statusFill: Record<Status, string> = {
  achieved: "#a5d6a7",
  on_track: "#c8e6c9",
  at_risk: "#ffe0a3",
  off_track: "#f6b9b4",
  no_data: "#e3e3e3",
};
