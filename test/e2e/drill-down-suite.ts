/**
 * The read-only drill-downs (system, initiative, indicator, org unit, roadmap), each loading with
 * no console error, axe clean, no sideways scroll at 375 px, screenshots in both languages.
 * A page still a placeholder ("SystemPage") is checked for what it is: it loads cleanly.
 */
import type { Page } from "playwright-core";
import { it } from "vitest";
import { checkPage, type E2E } from "./harness.js";

/** A second tab of a page is checked in Vietnamese only: its words are the page's, and time is short. */
const pages: { name: string; path: string; langs?: ("vi" | "en")[] }[] = [
  { name: "system", path: "/plans/NQ57/systems/S1" },
  { name: "system-kpis", path: "/plans/NQ57/systems/S1?tab=kpis", langs: ["vi"] },
  { name: "initiative", path: "/plans/NQ57/initiatives/SK01" },
  { name: "indicator", path: "/indicators/K_EDOC_EXCHANGE_RATE?plan=NQ57" },
  { name: "indicator-units", path: "/indicators/K_EDOC_EXCHANGE_RATE?plan=NQ57&tab=units", langs: ["vi"] },
  { name: "org-unit", path: "/org-units/HA-NOI?plan=NQ57" },
  { name: "roadmap", path: "/plans/NQ57/roadmap" },
];

/** The page's h1 is there and nothing is loading any more. */
async function loaded(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
}

export function drillDownSuite(e2e: () => E2E) {
  for (const p of pages)
    it(`${p.name}: loads cleanly as the Standing Office; axe, 375 px, screenshots`, {
      timeout: 150_000,
    }, async () => {
      await checkPage(e2e(), { ...p, user: "demo-standing", ready: loaded });
    });
}
