/** The tabs of an indicator's administration page, in the URL's `tab` (definition when absent). */
export const INDICATOR_TABS = ["definition", "targets", "history"] as const;
export type IndicatorTab = (typeof INDICATOR_TABS)[number];
