/** The tabs of a unit's panel (the URL's `tab`), and today's date as validity dates are written. */
export const unitTabs = ["details", "lineage", "profile"] as const;
export type UnitTab = (typeof unitTabs)[number];

/** Today in Vietnam (validity dates are Vietnamese legal dates), YYYY-MM-DD. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}
