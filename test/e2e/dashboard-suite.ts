/**
 * The national dashboard as the Standing Office; a value approved through the API reaching an
 * open dashboard without a reload (Hà Nội's tile on the map of that indicator, and the live cue);
 * meeting mode with the arrow keys; axe, 375 px and screenshots in both languages.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { type ApiSession, apiSession, checkPage, type E2E, openPage, signInContext } from "./harness.js";

/** Hà Nội reports it monthly (the demo's reporter and approver are Hà Nội's); its KPI twin is mapped. */
const REPORTED = "OI_EDOC_EXCHANGE_RATE";
const MAPPED = "K_EDOC_EXCHANGE_RATE";

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

interface Observation {
  id: string;
  status: string;
  version: number;
}

/**
 * Hà Nội's reporter writes, its approver submits, the Standing Office approves (docs/api.md,
 * "Signing in and writing"); a value approved before (a rerun on the same data) is revised.
 */
export async function approveValue(e2e: E2E, value: number): Promise<void> {
  const reporter = await apiSession(e2e, "demo-reporter-hanoi");
  const standing = await apiSession(e2e, "demo-standing");
  const cell = { indicator: REPORTED, unit: "HA-NOI", period: lastMonth() };
  const put = await reporter.call<Observation & { error?: { details?: { value?: Observation }[] } }>(
    "PUT",
    "/observations",
    { ...cell, value },
  );
  if (put.status === 409) {
    const list = await standing.call<{ items: Observation[] }>(
      "GET",
      `/observations?indicator=${cell.indicator}&unit=${cell.unit}&from=${cell.period}&to=${cell.period}`,
    );
    const current = list.data.items[0];
    if (!current) throw new Error(`locked value not found: ${JSON.stringify(put.data)}`);
    await must(standing, "POST", `/observations/${current.id}/revise`, {
      value,
      reason: "E2E: kiểm thử cập nhật trực tiếp",
    });
    return;
  }
  if (put.status !== 200 && put.status !== 201)
    throw new Error(`PUT ${put.status} ${JSON.stringify(put.data)}`);
  const approver = await apiSession(e2e, "demo-approver-hanoi");
  await must(approver, "POST", `/observations/${put.data.id}/submit`);
  await must(standing, "POST", `/observations/${put.data.id}/approve`);
}

async function must(s: ApiSession, method: string, path: string, body?: unknown) {
  const r = await s.call(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
}

const dashboardReady = (page: Page, lang: "vi" | "en") =>
  page
    .getByRole("heading", { level: 1 })
    .filter({ hasNotText: /^HomePage$/ })
    .first()
    .waitFor()
    .then(() => page.locator(".home-layout, main [role=alert]").first().waitFor())
    .then(() => void lang);

export function dashboardSuite(e2e: () => E2E) {
  it("the dashboard as the Standing Office: axe, 375 px, screenshots in both languages", {
    timeout: 150_000,
  }, async () => {
    await checkPage(e2e(), { name: "dashboard", path: "/", user: "demo-standing", ready: dashboardReady });
  });

  it("the public overview for an anonymous visitor", { timeout: 150_000 }, async () => {
    await checkPage(e2e(), {
      name: "dashboard-public",
      path: "/",
      ready: dashboardReady,
      allow: [/status of 401.*\/api\/v1\/session\b/],
    });
  });

  it("a value approved through the API changes the open dashboard without a reload", {
    timeout: 90_000,
  }, async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-standing");
      await tp.page.goto(`/?map=${MAPPED}`);
      const tile = tp.page.locator('[data-code="HA-NOI"]').first();
      await tile.waitFor({ timeout: 30_000 });
      // The live connection is up before the change is made.
      await tp.page.locator('[data-state="open"], [data-state="live"]').first().waitFor({ timeout: 15_000 });
      const before = await tile.getAttribute("aria-label");
      let loads = 0;
      tp.page.on("framenavigated", (f) => {
        if (f === tp.page.mainFrame()) loads += 1;
      });
      const value = Math.round((40 + Math.random() * 50) * 10) / 10;
      await approveValue(e2e(), value);
      const shown = value.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
      await tp.page.waitForFunction(
        ([label, text]) => {
          const el = document.querySelector('[data-code="HA-NOI"]');
          const now = el?.getAttribute("aria-label") ?? "";
          return now !== label && (el?.textContent ?? "").includes(text);
        },
        [before, shown] as const,
        { timeout: 15_000 },
      );
      expect(loads).toBe(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("meeting mode: one system per slide, arrow keys move between them", { timeout: 120_000 }, async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-steering");
      await tp.page.goto("/meeting");
      const h1 = tp.page.getByRole("heading", { level: 1 });
      await h1.waitFor();
      if ((await h1.textContent()) === "MeetingPage") return; // still the placeholder: nothing more to check
      await tp.page.waitForLoadState("networkidle");
      const first = await tp.page.locator("h2").first().textContent();
      await tp.page.keyboard.press("ArrowRight");
      await tp.page.waitForURL((u) => u.searchParams.get("slide") === "1");
      await expect.poll(() => tp.page.locator("h2").first().textContent()).not.toBe(first);
      await tp.page.keyboard.press("ArrowLeft");
      await tp.page.waitForURL((u) => (u.searchParams.get("slide") ?? "0") === "0");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
    await checkPage(e2e(), {
      name: "meeting",
      path: "/meeting",
      user: "demo-steering",
      ready: (page) => page.getByRole("heading", { level: 1 }).waitFor(),
    });
  });
}
