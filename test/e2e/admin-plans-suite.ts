/**
 * Plan administration in the browser (issue 15, item 3). The Standing Office opens an NQ57
 * indicator's targets, tries to adjust one without a reason (refused on the page, nothing sent),
 * adjusts it with one by keyboard, sees the new version in the history (who, why, the value's
 * diff) and the new target on the dashboard's overview at once, without a restart. A bad formula
 * shows its live error and is not sent. A project is added in the outline and retired after a
 * confirmation with a reason. Screenshots of every page at 1440 and 375 px in both languages,
 * axe, no console error.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiSession, checkPage, type E2E, openPage, screenshot, signInContext } from "./harness.js";

interface Assessed {
  code: string;
  target: { year: number; comparator: string; value: number | null; kind: string } | null;
}

/** An NQ57 target on the overview with a plain value and a national target the Standing Office may set. */
async function adjustableTarget(e2e: E2E): Promise<{ code: string; year: number; value: number }> {
  const standing = await apiSession(e2e, "demo-standing");
  const overview = await standing.call<{ targets: Assessed[] }>("GET", "/plans/NQ57/overview");
  for (const a of overview.data.targets) {
    const t = a.target;
    if (!t || t.value === null || t.comparator !== ">=" || t.kind !== "value") continue;
    const ind = await standing.call<{
      can: { setTarget: boolean };
      targets: { plan: string; year: number; orgUnit: string | null; value: number | null }[];
    }>("GET", `/indicators/${a.code}`);
    const national = ind.data.targets.find(
      (x) => x.plan === "NQ57" && x.year === t.year && x.orgUnit === null,
    );
    if (ind.data.can.setTarget && national) return { code: a.code, year: t.year, value: t.value };
  }
  throw new Error("no adjustable NQ57 target on the overview");
}

/** Counts the API writes the page sends (PUT, PATCH, POST, DELETE) to a path matching `re`. */
function countWrites(page: Page, re: RegExp): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.method() !== "GET" && re.test(new URL(r.url()).pathname)) n++;
  });
  return () => n;
}

export function adminPlansSuite(get: () => E2E) {
  it("adjusts a target with a reason by keyboard, refuses one without, and shows it in the history and on the dashboard", async () => {
    const e2e = get();
    const { code, year, value } = await adjustableTarget(e2e);
    const next = value + 37.5;
    const tp = await openPage(e2e, { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-standing");
      const { page } = tp;
      const writes = countWrites(page, /\/targets$/);
      await page.goto(`/admin/plans/NQ57/indicators/${code}?tab=targets`);
      const adjust = page.getByRole("button", { name: `Điều chỉnh chỉ tiêu ${year}`, exact: true });
      await adjust.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const valueInput = dialog.getByRole("textbox", { name: "Giá trị", exact: true });
      await expect.poll(() => valueInput.evaluate((el) => el === document.activeElement)).toBe(true);
      await valueInput.fill("");
      await page.keyboard.type(String(next).replace(".", ","));
      await page.keyboard.press("Enter");
      await dialog.getByText("Hãy nêu lý do.").waitFor();
      expect(writes()).toBe(0);
      await screenshot(page, "admin-plans-target-refused", "vi");

      await dialog.getByRole("textbox", { name: /Lý do/ }).fill("Điều chỉnh theo kết luận của Ban Chỉ đạo");
      await dialog.getByRole("button", { name: "Lưu chỉ tiêu" }).focus();
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "detached" });
      await page
        .getByRole("status")
        .filter({ hasText: `Đã lưu chỉ tiêu năm ${year}` })
        .waitFor();
      expect(writes()).toBe(1);
      const row = page.locator(`tr[data-year="${year}"]`).first();
      await expect
        .poll(() => row.textContent(), { timeout: 15_000 })
        .toContain(String(next).replace(".", ","));

      await page.getByRole("tab", { name: "Lịch sử phiên bản" }).click();
      const first = page.locator(".version").first();
      await first.waitFor();
      const text = (await first.textContent()) ?? "";
      expect(text).toContain(`Chỉ tiêu ${year}`);
      expect(text).toContain("demo-standing");
      expect(text).toContain("Lý do: Điều chỉnh theo kết luận của Ban Chỉ đạo");
      const diff = first.getByRole("table");
      expect(await diff.locator("tr[data-kind=changed] th").first().textContent()).toContain("Giá trị");
      expect(await diff.locator("ins").first().textContent()).toContain(String(next));
      await screenshot(page, "admin-plans-history-after", "vi");

      // The dashboard answers from its memo keyed by the definitions version: live without a restart.
      await page.goto("/");
      const homeRow = page.locator("tr", { has: page.locator(`a[href*="target=${code}"]`) }).first();
      await homeRow.waitFor();
      await expect
        .poll(() => homeRow.locator("td").nth(1).textContent(), { timeout: 15_000 })
        .toContain(`≥ ${String(next).replace(".", ",")}`);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  }, 180_000);

  it("shows a bad formula's live error by column and sends nothing", async () => {
    const e2e = get();
    const tp = await openPage(e2e, { lang: "en" });
    try {
      await signInContext(tp.context, "demo-standing");
      const { page } = tp;
      const { code } = await adjustableTarget(e2e);
      const writes = countWrites(page, /\/indicators\//);
      await page.goto(`/admin/plans/NQ57/indicators/${code}`);
      const formula = page.getByRole("textbox", { name: "Formula" });
      await formula.fill("NO_SUCH_CODE + (");
      const check = page.locator("#formula-check");
      await expect.poll(() => check.textContent(), { timeout: 15_000 }).toMatch(/Column \d+:/);
      await formula.fill("NO_SUCH_CODE * 2");
      await expect
        .poll(() => check.textContent(), { timeout: 15_000 })
        .toContain('Column 1: unknown indicator "NO_SUCH_CODE"');
      expect(await formula.getAttribute("aria-invalid")).toBe("true");
      await page.getByRole("textbox", { name: /Reason/ }).fill("Thử công thức");
      await page.getByRole("button", { name: "Save a new version" }).click();
      await page.waitForTimeout(300);
      expect(writes()).toBe(0);
      await screenshot(page, "admin-plans-formula-error", "en");
      await formula.fill("");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  }, 120_000);

  it("adds a project in the outline and retires it after confirming with a reason", async () => {
    const e2e = get();
    const tp = await openPage(e2e, { lang: "en" });
    try {
      await signInContext(tp.context, "demo-standing");
      const { page } = tp;
      await page.goto("/admin/plans/NQ57");
      await page.getByRole("button", { name: "Add a project" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Code", exact: true }).fill("DA-E2E");
      await dialog.getByRole("textbox", { name: "Name (Vietnamese)" }).fill("Dự án thử E2E");
      await dialog.getByRole("combobox", { name: "System" }).selectOption("S1");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      const row = page.locator("tr", { has: page.getByRole("rowheader", { name: "DA-E2E" }) });
      await row.waitFor();
      await row.getByRole("button", { name: "Retire DA-E2E" }).click();
      const confirm = page.getByRole("dialog");
      await confirm.getByRole("button", { name: "Retire it" }).click();
      await confirm.getByText("Please give a reason.").waitFor();
      await confirm.getByRole("textbox", { name: /Reason/ }).fill("Gộp vào dự án khác");
      await confirm.getByRole("button", { name: "Retire it" }).click();
      await confirm.waitFor({ state: "detached" });
      await row.waitFor({ state: "detached" });
      await page.getByRole("checkbox", { name: "Show retired items too" }).check();
      await expect.poll(() => page.url(), { timeout: 5000 }).toContain("show=all");
      await row.getByText("Retired").waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  }, 120_000);

  it("passes axe, fits 375 px and logs no error on every page, in both languages", async () => {
    const e2e = get();
    const { code } = await adjustableTarget(e2e);
    const ready = (sel: string) => (page: Page) => page.locator(sel).first().waitFor();
    const pages = [
      { name: "admin-plans", path: "/admin/plans", ready: ready(".admin-plan-card") },
      { name: "admin-plans-outline", path: "/admin/plans/NQ57", ready: ready(".outline-system") },
      ...(["definition", "targets", "history"] as const).map((tab) => ({
        name: `admin-plans-indicator-${tab}`,
        path: `/admin/plans/NQ57/indicators/${code}?tab=${tab}`,
        ready: ready(
          tab === "definition"
            ? "form textarea[name=reason]"
            : tab === "targets"
              ? "tr[data-year]"
              : ".version",
        ),
      })),
    ];
    // Every page is checked before failing, so one run names every page's problems.
    const failures: string[] = [];
    for (const p of pages)
      await checkPage(e2e, { ...p, user: "demo-standing" }).catch((e: Error) => failures.push(e.message));
    expect(failures).toEqual([]);
  }, 900_000);
}
