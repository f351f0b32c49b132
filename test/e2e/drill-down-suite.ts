/**
 * The read-only drill-downs (system, initiative, indicator, org unit, roadmap), each loading with
 * no console error, axe clean, no sideways scroll at 375 px, screenshots in both languages; the
 * initiative's outputs, the indicator's values by disaggregation (written through the API first)
 * and the rankings of ministries, where no ministry has a value (an empty ranking, not an error).
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiSession, checkPage, type E2E } from "./harness.js";

/** The page's h1 is there and nothing is loading any more. */
async function loaded(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
}

/** The initiative page lists its outputs (SK01: the laws its content names, first). */
async function withOutputs(page: Page, lang: "vi" | "en"): Promise<void> {
  await loaded(page);
  const first = page.locator(".initiative-outputs li").first();
  await first.waitFor({ timeout: 30_000 });
  expect(await first.textContent()).toContain(
    lang === "vi" ? "Luật Công nghiệp công nghệ số" : "Law on the Digital Technology Industry",
  );
}

/** A second tab of a page is checked in Vietnamese only: its words are the page's, and time is short. */
const pages: {
  name: string;
  path: string;
  langs?: ("vi" | "en")[];
  user?: string;
  ready?: (page: Page, lang: "vi" | "en") => Promise<void>;
}[] = [
  { name: "system", path: "/plans/NQ57/systems/S1" },
  { name: "system-kpis", path: "/plans/NQ57/systems/S1?tab=kpis", langs: ["vi"] },
  { name: "initiative", path: "/plans/NQ57/initiatives/SK01", ready: withOutputs },
  { name: "indicator", path: "/indicators/K_EDOC_EXCHANGE_RATE?plan=NQ57" },
  { name: "indicator-units", path: "/indicators/K_EDOC_EXCHANGE_RATE?plan=NQ57&tab=units", langs: ["vi"] },
  {
    // Ministries report none of the demo's values: the tab says so.
    name: "indicator-units-ministries",
    path: "/indicators/K_EDOC_EXCHANGE_RATE?plan=NQ57&tab=units&level=ministry",
    langs: ["vi"],
    ready: async (page) => {
      await loaded(page);
      await page.getByText("Chưa đơn vị nào ở cấp này có số liệu").waitFor({ timeout: 30_000 });
    },
  },
  {
    // Hà Nội's reporter sees the map's indicator at Hà Nội only: the ministries' ranking is empty.
    name: "dashboard-ministries",
    path: "/?level=ministry",
    langs: ["vi"],
    user: "demo-reporter-hanoi",
    ready: async (page) => {
      await loaded(page);
      await page.locator(".home-layout").waitFor({ timeout: 30_000 });
    },
  },
  { name: "org-unit", path: "/org-units/HA-NOI?plan=NQ57" },
  { name: "roadmap", path: "/plans/NQ57/roadmap" },
];

const TRAINEES = "OI_DIGITAL_SKILLS_TRAINEES";

/**
 * Hà Nội's latest month of digital-skills trainees split by sex and by area, written and submitted
 * by its approver (the demo writes totals only); answers the period.
 */
async function writeDisaggregated(e2e: E2E): Promise<string> {
  const approver = await apiSession(e2e, "demo-approver-hanoi");
  const series = await approver.call<{ points: { period: string; value: number | null }[] }>(
    "GET",
    `/indicators/${TRAINEES}/series?plan=NQ57&unit=HA-NOI&basis=reported`,
  );
  expect(series.status).toBe(200);
  const latest = series.data.points.filter((p) => p.value !== null).at(-1);
  if (!latest || latest.value === null) throw new Error("no demo value for Hà Nội");
  const total = latest.value;
  const part = (share: number) => Math.round(total * share);
  const items = [
    { sex: "male", v: part(0.46) },
    { sex: "female", v: total - part(0.46) },
    { area: "urban", v: part(0.63) },
    { area: "rural", v: total - part(0.63) },
  ].map(({ v, ...disaggregation }) => ({
    indicator: TRAINEES,
    unit: "HA-NOI",
    period: latest.period,
    value: v,
    disaggregation,
  }));
  const res = await approver.call("POST", "/observations/bulk?submit=true", { items });
  if (res.status !== 200) throw new Error(`bulk: ${res.status} ${JSON.stringify(res.data)}`);
  return latest.period;
}

export function drillDownSuite(e2e: () => E2E) {
  for (const p of pages)
    it(`${p.name}: loads cleanly as ${p.user ?? "the Standing Office"}; axe, 375 px, screenshots`, {
      timeout: 150_000,
    }, async () => {
      await checkPage(e2e(), { ...p, user: p.user ?? "demo-standing", ready: p.ready ?? loaded });
    });

  it("indicator-disaggregations: values by sex and area, table and chart; axe, 375 px, screenshots", {
    timeout: 150_000,
  }, async () => {
    const period = await writeDisaggregated(e2e());
    await checkPage(e2e(), {
      name: "indicator-disaggregations",
      path: `/indicators/${TRAINEES}?plan=NQ57&tab=disaggregations&basis=reported&unit=HA-NOI&period=${period}`,
      user: "demo-standing",
      ready: async (page, lang) => {
        await loaded(page);
        const female = page.getByRole("rowheader", { name: lang === "vi" ? "Nữ" : "Female", exact: true });
        await female.waitFor({ timeout: 30_000 });
        await page
          .getByRole("rowheader", { name: lang === "vi" ? "Nông thôn" : "Rural", exact: true })
          .waitFor();
        // One bar chart per dimension, labelled for screen readers.
        const charts = page.getByRole("img", { name: lang === "vi" ? /^Biểu đồ cột/ : /^Bar chart/ });
        await charts.nth(1).waitFor({ timeout: 30_000 });
        expect(await charts.count()).toBe(2);
      },
    });
  });
}
