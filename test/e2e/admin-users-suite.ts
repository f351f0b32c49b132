/**
 * People and roles (issue 15, item 1) end to end. An administrator creates an account in the
 * browser (its unit found by typing "ha noi" without accents), takes its one-time link, finds it
 * again by an accentless search and grants it Hà Nội's reporter role with the unit picker; the
 * new person opens the link (the server-rendered set-password page), sets a password, signs in
 * and sees only Hà Nội's entry sheet, the API refusing another unit's. The Standing Office,
 * opening an account's roles, is offered its plan's working roles and sees unit roles refused
 * with the reason. One's own account offers no disable button (the API refuses it with the reason); the create
 * dialog works by keyboard; "sign out everywhere" on the account page asks for nothing after.
 * axe, 375 px and screenshots of every page in both languages; no console error.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  apiSession,
  axeProblems,
  checkPage,
  type E2E,
  horizontalOverflow,
  type Lang,
  openPage,
  screenshot,
  signInContext,
  WIDTHS,
} from "./harness.js";

const NEW_PASSWORD = "Lúa chín vàng đồng Hà Nội 2026";

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 30_000 });

/** Picks an option of a searchable select by typing words and choosing the option that matches. */
async function pick(page: Page, label: string | RegExp, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole("textbox", { name: label }).or(page.getByRole("combobox", { name: label }));
  await input.first().click();
  if (typed) await input.first().fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

async function userId(e2e: E2E, username: string): Promise<string> {
  const admin = await apiSession(e2e, "demo-admin");
  const r = await admin.call<{ items: { id: string; username: string }[] }>(
    "GET",
    `/users?q=${encodeURIComponent(username)}`,
  );
  const id = r.data.items.find((u) => u.username === username)?.id;
  if (!id) throw new Error(`no account ${username}`);
  return id;
}

export function adminUsersSuite(get: () => E2E) {
  it("an administrator creates an account and grants Hà Nội's reporter role; its person sets a password and sees only Hà Nội's entry", {
    timeout: 240_000,
  }, async () => {
    const username = `e2e-hn-${Date.now().toString(36)}`;
    const admin = await openPage(get(), { lang: "vi" });
    let linkUrl = "";
    try {
      await signInContext(admin.context, "demo-admin");
      const { page } = admin;
      await page.goto("/admin/users");
      await heading(page, "Người dùng và vai trò");
      await page.getByRole("button", { name: "Tạo tài khoản" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: /Tên đăng nhập/ }).fill(username);
      await dialog.getByRole("textbox", { name: /Họ tên/ }).fill("Cán bộ Thử nghiệm Hà Nội");
      await dialog.getByRole("textbox", { name: /E-mail/ }).fill(`${username}@hanoi.gov.vn`);
      await pick(page, /Đơn vị công tác/, "ha noi", /\(HA-NOI\)/);
      await dialog.getByRole("button", { name: "Tạo tài khoản" }).click();
      const link = dialog.locator("input[name=oneTimeLink]");
      await link.waitFor();
      linkUrl = await link.inputValue();
      expect(linkUrl).toMatch(/\/reset-password#token=[\w-]+/);
      await dialog.getByText(/Hết hạn lúc/).waitFor();
      await dialog.getByRole("button", { name: "Sao chép liên kết" }).waitFor();
      await screenshot(page, "admin-users-link", "vi");
      expect(await axeProblems(page)).toEqual([]);
      await dialog.getByRole("button", { name: /Đã lưu liên kết/ }).click();
      await dialog.waitFor({ state: "detached" });

      // Found again by words without accents, from the URL's filter.
      await page.getByRole("searchbox", { name: /Tìm theo tên/ }).fill("can bo thu nghiem ha noi");
      await page.getByRole("searchbox", { name: /Tìm theo tên/ }).press("Enter");
      await page.waitForURL((u) => u.searchParams.get("q") === "can bo thu nghiem ha noi");
      const row = page.locator(`tr[data-username="${username}"]`);
      await row.waitFor();
      expect(await page.locator("tbody tr").count()).toBe(1);
      await row.getByRole("link", { name: `Mở tài khoản ${username}` }).click();
      await heading(page, "Cán bộ Thử nghiệm Hà Nội");
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

      // Grant the unit's reporter role, the unit found by name.
      await pick(page, /^Vai trò/, "", /^Cán bộ báo cáo của đơn vị$/);
      await pick(page, /Đơn vị \(gồm cả/, "ha noi", /\(HA-NOI\)/);
      await page.getByRole("button", { name: "Cấp vai trò" }).click();
      const granted = page.locator("tr[data-role=unit_reporter]");
      await granted.waitFor();
      await expect(granted.textContent()).resolves.toMatch(/Hà Nội \(HA-NOI\) và các đơn vị trực thuộc/);
      expect(admin.problems()).toEqual([]);
    } finally {
      await admin.close();
    }

    // The person, in a fresh browser: the one-time link, then sign in and the entry sheet.
    const person = await openPage(get(), { lang: "vi" });
    try {
      const { page } = person;
      const u = new URL(linkUrl, get().url);
      await page.goto(`${u.pathname}${u.hash}`);
      await page.getByRole("heading", { name: "Đặt mật khẩu mới" }).waitFor();
      await page.locator("#password").fill(NEW_PASSWORD);
      await page.locator("#confirm").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: /Lưu mật khẩu/ }).click();
      await page.getByText(/Đã đặt mật khẩu mới/).waitFor();
      const res = await person.context.request.post("/api/v1/session", {
        data: { username, password: NEW_PASSWORD },
      });
      expect(res.status()).toBe(200);
      await page.goto("/entry");
      await page.locator(".entry-input").first().waitFor({ timeout: 30_000 });
      await expect(page.locator("main").textContent()).resolves.toMatch(/Hà Nội · kế hoạch NQ57/);
      // No other unit is offered.
      expect(await page.getByRole("textbox", { name: /^Đơn vị$/ }).count()).toBe(0);
      await screenshot(page, "admin-users-new-person-entry", "vi");
      const other = await person.context.request.get("/api/v1/org-units/HO-CHI-MINH/entry?plan=NQ57");
      expect([403, 404]).toContain(other.status());
      const own = await person.context.request.get("/api/v1/org-units/HA-NOI/entry?plan=NQ57");
      expect(own.status()).toBe(200);
      expect(person.problems()).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it("the Standing Office is offered its plan's working roles and sees unit roles refused with the reason", async () => {
    const id = await userId(get(), "demo-reporter-hcm");
    for (const lang of ["vi", "en"] as const) {
      const tp = await openPage(get(), { lang });
      try {
        await signInContext(tp.context, "demo-standing");
        const { page } = tp;
        await page.goto(`/admin/users/${id}?tab=roles`);
        await page.locator("li[data-role=unit_reporter]").waitFor();
        const reason = (role: string) => page.locator(`li[data-role=${role}]`).getAttribute("data-reason");
        await expect(reason("unit_reporter")).resolves.toBe("unit_role_admin_only");
        await expect(reason("system_admin")).resolves.toBe("admin_only_role");
        await expect(page.locator("li[data-role=unit_reporter]").textContent()).resolves.toContain(
          lang === "vi"
            ? "Chỉ quản trị hệ thống mới cấp vai trò của đơn vị."
            : "Only system administrators grant unit roles.",
        );
        // The held unit role cannot be revoked by the Standing Office; no account actions either.
        await expect(page.locator("tr[data-role=unit_reporter]").textContent()).resolves.toContain(
          lang === "vi" ? "Bạn không thu hồi được" : "You may not revoke it",
        );
        expect(await page.getByRole("button", { name: /Vô hiệu hoá|Disable/ }).count()).toBe(0);
        expect(await page.getByRole("tab", { name: /Phiên đăng nhập|Sessions/ }).count()).toBe(0);
        // The roles offered: the plan's working roles only.
        const roleLabel = lang === "vi" ? /^Vai trò/ : /^Role/;
        await page
          .getByRole("textbox", { name: roleLabel })
          .or(page.getByRole("combobox", { name: roleLabel }))
          .first()
          .click();
        const offered = await page.getByRole("option").allTextContents();
        expect(offered).toEqual(
          lang === "vi"
            ? [
                "Thành viên Ban Chỉ đạo",
                "Tổng công trình sư",
                "Kiến trúc sư trưởng",
                "Thành viên Hội đồng Tư vấn",
              ]
            : ["Steering Committee member", "Chief Engineer", "Chief Architect", "Advisory Council member"],
        );
        await page.keyboard.press("Escape");
        await screenshot(page, "admin-users-standing-roles", lang);
        expect(await axeProblems(page)).toEqual([]);
        expect(tp.problems()).toEqual([]);
      } finally {
        await tp.close();
      }
    }
  });

  it("offers an administrator no disable button on their own account; the API refuses it with the reason", async () => {
    const e2e = get();
    const tp = await openPage(e2e, { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-admin");
      const { page } = tp;
      await page.goto("/admin/users?q=demo");
      await page.locator("tr[data-username=demo-admin]").waitFor();
      // The account's own can.disable decides: another account has the button, one's own has none.
      await page.getByRole("button", { name: "Vô hiệu hoá: demo-standing" }).waitFor();
      expect(await page.getByRole("button", { name: "Vô hiệu hoá: demo-admin" }).count()).toBe(0);
      await page.getByRole("button", { name: "Vô hiệu hoá: demo-standing" }).click();
      const dialog = page.getByRole("dialog", { name: "Vô hiệu hoá tài khoản demo-standing?" });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Hủy" }).click();
      await dialog.waitFor({ state: "detached" });
      expect(tp.problems()).toEqual([]);

      const admin = await apiSession(e2e, "demo-admin");
      const me = await admin.call<{ items: { id: string; username: string }[] }>(
        "GET",
        "/users?q=demo-admin",
      );
      const id = me.data.items.find((u) => u.username === "demo-admin")?.id;
      const refused = await admin.call<{ error: { details: { path: string; message: string }[] } }>(
        "PATCH",
        `/users/${id}`,
        { status: "disabled" },
      );
      expect(refused.status).toBe(403);
      expect(refused.data.error.details[0]).toMatchObject({
        path: "body.status",
        message: "Không thể vô hiệu hoá tài khoản của chính mình.",
      });
    } finally {
      await tp.close();
    }
  });

  it("works by keyboard: the create dialog opens, keeps the focus inside and closes with Escape", async () => {
    const tp = await openPage(get(), { lang: "en" });
    try {
      await signInContext(tp.context, "demo-admin");
      const { page } = tp;
      await page.goto("/admin/users");
      await heading(page, "People and roles");
      const create = page.getByRole("button", { name: "Create an account" });
      await create.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Create an account" });
      await dialog.waitFor();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      // A refusal keeps what was typed: a username already taken.
      tp.allow(/status of 409/);
      await dialog.getByRole("textbox", { name: /Username/ }).fill("demo-admin");
      await dialog.getByRole("textbox", { name: /Full name/ }).fill("Someone else");
      await dialog.getByRole("textbox", { name: /Full name/ }).press("Enter");
      await dialog.getByRole("alert").waitFor();
      await expect(dialog.getByRole("textbox", { name: /Full name/ }).inputValue()).resolves.toBe(
        "Someone else",
      );
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("after signing out everywhere the account page asks for nothing more (no console error)", async () => {
    const tp = await openPage(get(), { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-advisor");
      const { page } = tp;
      const requests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/v1/me/sessions") && r.method() === "GET") requests.push(r.url());
      });
      await page.goto("/account?tab=sessions");
      await page.getByRole("table").waitFor();
      const before = requests.length;
      await page.getByRole("button", { name: "Đăng xuất khỏi mọi nơi" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Đăng xuất khỏi mọi nơi" }).click();
      await page.waitForURL((u) => u.pathname === "/sign-in");
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1000);
      expect(requests.length).toBe(before);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  const pages = [
    { name: "admin-users", path: () => "/admin/users", user: "demo-admin", ready: "table" },
    {
      name: "admin-users-filtered",
      path: () => "/admin/users?q=ha%20noi&status=active",
      user: "demo-admin",
      ready: "table",
    },
    {
      name: "admin-user-roles",
      path: (id: string) => `/admin/users/${id}?tab=roles`,
      user: "demo-admin",
      ready: "table",
    },
    {
      name: "admin-user-profile",
      path: (id: string) => `/admin/users/${id}?tab=profile`,
      user: "demo-admin",
      ready: "form",
    },
    {
      name: "admin-user-sessions",
      path: (id: string) => `/admin/users/${id}?tab=sessions`,
      user: "demo-admin",
      ready: "tab",
    },
    { name: "admin-users-standing", path: () => "/admin/users", user: "demo-standing", ready: "table" },
  ] as const;
  for (const p of pages)
    it(`${p.name}: axe, 375 px, screenshots in both languages`, { timeout: 180_000 }, async () => {
      const id = await userId(get(), "demo-approver-hanoi");
      await checkPage(get(), {
        name: p.name,
        path: p.path(id),
        user: p.user,
        ready: async (page, lang: Lang) => {
          await page.locator(".admin-page h1").waitFor();
          if (p.ready === "table") await page.locator(".table-scroll table").first().waitFor();
          if (p.ready === "form") await page.locator("input[name=displayName]").waitFor();
          if (p.ready === "tab")
            await page
              .getByRole("heading", { level: 2, name: lang === "vi" ? "Phiên đăng nhập" : "Sessions" })
              .waitFor();
        },
      });
    });

  it("the create dialog fits a phone", async () => {
    const tp = await openPage(get(), { lang: "vi", width: WIDTHS.phone });
    try {
      await signInContext(tp.context, "demo-admin");
      await tp.page.goto("/admin/users");
      await tp.page.getByRole("button", { name: "Tạo tài khoản" }).click();
      await tp.page.getByRole("dialog").waitFor();
      await screenshot(tp.page, "admin-users-create", "vi");
      expect(await horizontalOverflow(tp.page)).toBeLessThanOrEqual(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });
}
