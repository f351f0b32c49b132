/**
 * The administration index (issue 15): the header's link and the areas each person may open come
 * from the session's `can` flags. An administrator sees every area; the Standing Office sees the
 * people, the org units, the plans and the audit trail but not tokens; a reporter sees no link, and
 * typing /admin says the account may not open it. Each area's own pages have their own suites.
 */
import { expect, it } from "vitest";
import { checkPage, type E2E, openPage, signInContext } from "./harness.js";

const areaTitles = {
  users: /People and roles/,
  orgUnits: /Org units/,
  plans: /Plans and targets/,
  tokens: /API tokens/,
  audit: /Audit trail/,
} as const;

async function areasShown(e2e: E2E, username: string): Promise<string[]> {
  const t = await openPage(e2e, { lang: "en" });
  try {
    await signInContext(t.context, username);
    await t.page.goto("/admin");
    const cards = t.page.locator("main .admin-card h2");
    await t.page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    await cards
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    const titles = await cards.allTextContents();
    expect(t.problems()).toEqual([]);
    return Object.entries(areaTitles)
      .filter(([, re]) => titles.some((s) => re.test(s)))
      .map(([k]) => k);
  } finally {
    await t.close();
  }
}

export function adminSuite(get: () => E2E) {
  it("opens for each person exactly the areas their session allows", async () => {
    const e2e = get();
    expect(await areasShown(e2e, "demo-admin")).toEqual(["users", "orgUnits", "plans", "tokens", "audit"]);
    // The Standing Office also administers org units (policies/org-units.ts), but issues no tokens.
    expect(await areasShown(e2e, "demo-standing")).toEqual(["users", "orgUnits", "plans", "audit"]);
  }, 120_000);

  it("offers a reporter no link, and /admin typed by hand refuses plainly", async () => {
    const t = await openPage(get(), { lang: "vi" });
    try {
      await signInContext(t.context, "demo-reporter-hanoi");
      await t.page.goto("/");
      await t.page.getByRole("link", { name: "Nhập số liệu" }).waitFor();
      expect(await t.page.getByRole("link", { name: "Quản trị", exact: true }).count()).toBe(0);
      await t.page.goto("/admin");
      await t.page.getByText("Tài khoản của bạn không có quyền mở trang này").waitFor();
      expect(t.problems()).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it("sends a signed-out visitor to sign in and back", async () => {
    const t = await openPage(get(), { lang: "en" });
    try {
      await t.page.goto("/admin");
      await t.page.waitForURL((u) => u.pathname === "/sign-in", { timeout: 10_000 }).catch(() => undefined);
      const u = new URL(t.page.url());
      expect([u.pathname, u.searchParams.get("next")]).toEqual(["/sign-in", "/admin"]);
      expect(t.problems()).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it("the index passes axe and fits a phone, in both languages", async () => {
    await checkPage(get(), {
      name: "admin",
      path: "/admin",
      user: "demo-admin",
      ready: (page) => page.locator("main .admin-card").first().waitFor(),
    });
  }, 120_000);
}
