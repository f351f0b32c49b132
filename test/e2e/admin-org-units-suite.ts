/**
 * Org-unit administration (issue 15, item 2) as the system administrator: finds Hà Nội by an
 * unaccented search, creates a unit under it and a sub-unit under that, edits the first, tries to
 * move it under its own sub-unit and sees the server's cycle message at the parent field (the API
 * confirms nothing changed), retires the sub-unit after confirming, opens a merged province's
 * lineage timeline and follows it to the province it merged into, and adds a focal person to Hà
 * Nội. The tree is driven by keyboard too. Then every state in both languages at 1440 and 375 px:
 * axe, no sideways scroll, no console error, screenshots (the modals included).
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  type ApiSession,
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

interface Unit {
  code: string;
  name: { vi: string; en: string | null };
  parent: string | null;
  adminCode: string | null;
  validTo: string | null;
}
interface Profile {
  focalPersons: { fullName: string; email: string | null; isPrimary: boolean }[];
}

async function must<T>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const r = await s.call<T>(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

/** Picks an option of a searchable Mantine select by typing and pressing Enter (the keyboard path). */
async function pick(page: Page, label: RegExp, typed: string, option: RegExp) {
  const input = page.getByRole("textbox", { name: label }).or(page.getByRole("combobox", { name: label }));
  await input.first().click();
  await input.first().fill(typed);
  await page.getByRole("option", { name: option }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

const dialog = (page: Page) => page.getByRole("dialog");
const treeItem = (page: Page, code: string) => page.locator(`[role=treeitem][data-node="${code}"]`);
const panelHeading = (page: Page, name: RegExp) => page.getByRole("heading", { level: 2, name });

export function adminOrgUnitsSuite(e2e: () => E2E) {
  const stamp = Date.now().toString(36).toUpperCase();
  const A = `E2E-OU-${stamp}`;
  const B = `E2E-OU-${stamp}-SUB`;

  it("finds, creates, edits, refuses a cycle, retires, follows a lineage and adds a focal person", {
    timeout: 180_000,
  }, async () => {
    const admin = await apiSession(e2e(), "demo-admin");
    const tp = await openPage(e2e(), { lang: "vi" });
    const { page } = tp;
    try {
      await signInContext(tp.context, "demo-admin");
      await page.goto("/admin/org-units");
      await page.getByRole("heading", { level: 1, name: "Đơn vị" }).waitFor();

      // An unaccented search finds Hà Nội, in the URL; choosing it opens its panel.
      await page.getByRole("searchbox", { name: /Tìm theo mã hoặc tên/ }).fill("ha noi");
      await page.waitForURL((u) => u.searchParams.get("q") === "ha noi");
      await treeItem(page, "HA-NOI").click();
      await page.waitForURL((u) => u.searchParams.get("unit") === "HA-NOI");
      await panelHeading(page, /Hà Nội/).waitFor();
      await screenshot(page, "admin-org-units-search", "vi");

      // A unit under Hà Nội, then a sub-unit under the new one.
      await page.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
      let form = dialog(page);
      await form.getByRole("textbox", { name: /Mã đơn vị/ }).fill(A);
      await form.getByRole("textbox", { name: /Tên tiếng Việt/ }).fill("Sở Khoa học và Công nghệ thử nghiệm");
      await expect
        .poll(() =>
          form
            .getByLabel(/Đơn vị cấp trên/)
            .first()
            .inputValue(),
        )
        .toMatch(/HA-NOI/);
      await screenshot(page, "admin-org-units-create", "vi");
      await form.getByRole("button", { name: "Tạo đơn vị" }).click();
      await page.waitForURL((u) => u.searchParams.get("unit") === A);
      await panelHeading(page, /Sở Khoa học và Công nghệ thử nghiệm/).waitFor();
      expect((await must<Unit>(admin, "GET", `/org-units/${A}`)).parent).toBe("HA-NOI");

      await page.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
      form = dialog(page);
      await form.getByRole("textbox", { name: /Mã đơn vị/ }).fill(B);
      await form.getByRole("textbox", { name: /Tên tiếng Việt/ }).fill("Phòng thử nghiệm");
      await form.getByRole("button", { name: "Tạo đơn vị" }).click();
      await page.waitForURL((u) => u.searchParams.get("unit") === B);
      expect((await must<Unit>(admin, "GET", `/org-units/${B}`)).parent).toBe(A);

      // Edit the first: an English name and an administrative code.
      await page.goto(`/admin/org-units?unit=${A}`);
      await page.getByRole("button", { name: "Sửa", exact: true }).click();
      form = dialog(page);
      await form.getByRole("textbox", { name: /Tên tiếng Anh/ }).fill("Trial Department of Science");
      await form.getByRole("textbox", { name: /Mã hành chính/ }).fill("T01");
      await form.getByRole("button", { name: "Lưu thay đổi" }).click();
      await form.waitFor({ state: "detached" });
      await expect
        .poll(async () => {
          const u = await must<Unit>(admin, "GET", `/org-units/${A}`);
          return [u.name.en, u.adminCode];
        })
        .toEqual(["Trial Department of Science", "T01"]);

      // Under its own sub-unit: the server's cycle message at the parent field, input kept, nothing changed.
      await page.getByRole("button", { name: "Sửa", exact: true }).click();
      form = dialog(page);
      await form.getByRole("textbox", { name: /Tên tiếng Việt/ }).fill("Tên không được lưu");
      await pick(page, /Đơn vị cấp trên/, B, new RegExp(B));
      await form.getByRole("button", { name: "Lưu thay đổi" }).click();
      const alert = form.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("vòng lặp");
      const parentError = form.locator(".mantine-InputWrapper-error", { hasText: B });
      await parentError.waitFor();
      expect(await parentError.textContent()).toContain(`“${B}” là “${A}” hoặc thuộc “${A}”`);
      expect(await form.getByRole("textbox", { name: /Tên tiếng Việt/ }).inputValue()).toBe(
        "Tên không được lưu",
      );
      await screenshot(page, "admin-org-units-cycle", "vi");
      const after = await must<Unit>(admin, "GET", `/org-units/${A}`);
      expect([after.parent, after.name.vi]).toEqual(["HA-NOI", "Sở Khoa học và Công nghệ thử nghiệm"]);
      await form.getByRole("button", { name: "Huỷ" }).click();

      // Retire the sub-unit: confirmed in a dialog with its last day.
      await page.goto(`/admin/org-units?unit=${B}`);
      await page.getByRole("button", { name: "Cho hết hiệu lực" }).click();
      form = dialog(page);
      const day = await form.getByLabel(/Ngày cuối cùng còn hiệu lực/).inputValue();
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await screenshot(page, "admin-org-units-retire", "vi");
      await form.getByRole("button", { name: "Cho hết hiệu lực" }).click();
      await form.waitFor({ state: "detached" });
      await expect.poll(async () => (await must<Unit>(admin, "GET", `/org-units/${B}`)).validTo).toBe(day);

      // A merged province's timeline, followed to the province it merged into.
      await page.goto("/admin/org-units?unit=OLD-HA-GIANG&tab=lineage&retired=1");
      const timeline = page.locator("ol.ou-timeline");
      await timeline.waitFor();
      expect(await timeline.textContent()).toContain("Sáp nhập vào");
      await screenshot(page, "admin-org-units-lineage", "vi");
      await page.getByRole("button", { name: /Mở Tỉnh Tuyên Quang \(TUYEN-QUANG\)/ }).click();
      await page.waitForURL((u) => u.searchParams.get("unit") === "TUYEN-QUANG");
      await page.getByRole("button", { name: /OLD-HA-GIANG/ }).waitFor();
      expect(await page.locator("ol.ou-timeline").textContent()).toContain(
        "Các đơn vị sáp nhập vào đơn vị này",
      );

      // A focal person for Hà Nội.
      await page.goto("/admin/org-units?unit=HA-NOI&tab=profile");
      await page.getByRole("button", { name: "Thêm đầu mối" }).click();
      form = dialog(page);
      await form.getByRole("textbox", { name: /Họ và tên/ }).fill(`Nguyễn Văn Thử ${stamp}`);
      await form.getByRole("textbox", { name: /Thư điện tử/ }).fill("khong-phai-thu");
      await form.getByRole("button", { name: "Lưu" }).click();
      await form.getByRole("alert").waitFor();
      await form.getByRole("textbox", { name: /Thư điện tử/ }).fill("thu.nghiem@hanoi.gov.vn");
      await form.getByRole("button", { name: "Lưu" }).click();
      await form.waitFor({ state: "detached" });
      await page.getByText(`Nguyễn Văn Thử ${stamp}`).waitFor();
      const profile = await must<Profile>(admin, "GET", "/org-units/HA-NOI/profile");
      expect(profile.focalPersons.map((f) => [f.fullName, f.email])).toContainEqual([
        `Nguyễn Văn Thử ${stamp}`,
        "thu.nghiem@hanoi.gov.vn",
      ]);
      await screenshot(page, "admin-org-units-profile-flow", "vi");
      expect(tp.problems().filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("moves through the tree by keyboard and selects with Enter", { timeout: 60_000 }, async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    const { page } = tp;
    try {
      await signInContext(tp.context, "demo-admin");
      await page.goto("/admin/org-units?q=da%20nang");
      const first = page.locator('[role=tree] [tabindex="0"]');
      await first.waitFor();
      await first.focus();
      expect(await first.getAttribute("data-node")).toBe("kind:province");
      await page.keyboard.press("ArrowDown");
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-node"));
      expect(await focused()).toBe("DA-NANG");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("unit") === "DA-NANG");
      await page.keyboard.press("ArrowLeft");
      expect(await focused()).toBe("kind:province");
      await page.keyboard.press("ArrowLeft");
      expect(await treeItem(page, "kind:province").getAttribute("aria-expanded")).toBe("false");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await focused()).toBe("DA-NANG");
      expect(await treeItem(page, "DA-NANG").getAttribute("aria-selected")).toBe("true");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  const heading = (lang: Lang) => (lang === "vi" ? "Đơn vị" : "Org units");
  for (const [name, path, ready] of [
    ["admin-org-units", "/admin/org-units", "[role=tree]"],
    ["admin-org-units-details", "/admin/org-units?unit=BKHCN", "dl"],
    ["admin-org-units-lineage", "/admin/org-units?unit=TUYEN-QUANG&tab=lineage", "ol.ou-timeline"],
    [
      "admin-org-units-retired",
      "/admin/org-units?unit=OLD-HA-GIANG&tab=lineage&retired=1&q=ha%20giang",
      "ol.ou-timeline",
    ],
    ["admin-org-units-profile", "/admin/org-units?unit=HA-NOI&tab=profile", "#ou-focal-title"],
  ] as const)
    it(`${name}: both languages, axe, 375 px, screenshots`, { timeout: 180_000 }, async () => {
      await checkPage(e2e(), {
        name,
        path,
        user: "demo-admin",
        ready: async (page, lang) => {
          await page.getByRole("heading", { level: 1, name: heading(lang) }).waitFor();
          await page.locator(ready).first().waitFor();
        },
      });
    });

  for (const lang of ["vi", "en"] as const)
    it(`the dialogs in ${lang}: axe, 375 px, Escape closes, screenshots`, { timeout: 240_000 }, async () => {
      const failures: string[] = [];
      const tp = await openPage(e2e(), { lang });
      try {
        await signInContext(tp.context, "demo-admin");
        const vi = lang === "vi";
        const dialogs: [string, string, RegExp][] = [
          [
            "admin-org-units-dialog-create",
            `/admin/org-units?unit=${A}`,
            vi ? /^Thêm đơn vị trực thuộc$/ : /^Add a sub-unit$/,
          ],
          ["admin-org-units-dialog-edit", `/admin/org-units?unit=${A}`, vi ? /^Sửa$/ : /^Edit$/],
          [
            "admin-org-units-dialog-retire",
            `/admin/org-units?unit=${A}`,
            vi ? /^Cho hết hiệu lực$/ : /^Retire$/,
          ],
          [
            "admin-org-units-dialog-profile",
            "/admin/org-units?unit=HA-NOI&tab=profile",
            vi ? /^Sửa hồ sơ$/ : /^Edit profile$/,
          ],
          [
            "admin-org-units-dialog-focal",
            "/admin/org-units?unit=HA-NOI&tab=profile",
            vi ? /^Thêm đầu mối$/ : /^Add a focal person$/,
          ],
        ];
        for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
          await tp.page.setViewportSize({ width, height: 900 });
          for (const [name, path, button] of dialogs) {
            await tp.page.goto(path);
            await tp.page.getByRole("button", { name: button }).click();
            const d = dialog(tp.page);
            await d.waitFor();
            if (name.endsWith("edit")) {
              // The refused state: a cycle, with the server's message in this language at the field.
              await pick(tp.page, vi ? /Đơn vị cấp trên/ : /Parent unit/, B, new RegExp(B));
              await d.locator("button[type=submit]").click();
              await d.getByRole("alert").waitFor();
              expect(await d.getByRole("alert").textContent()).toContain(vi ? "vòng lặp" : "cycle");
            }
            await tp.page.waitForTimeout(300);
            await screenshot(tp.page, name, lang);
            const where = `${name} ${lang} ${width}px`;
            if (width === WIDTHS.desktop)
              for (const a of await axeProblems(tp.page)) failures.push(`${where} axe ${a}`);
            const over = await horizontalOverflow(tp.page);
            if (over > 0) failures.push(`${where}: scrolls sideways by ${over}px`);
            // Escape closes the dialog (a first one may close an open picker inside it).
            await tp.page.keyboard.press("Escape");
            if (await d.isVisible()) await tp.page.keyboard.press("Escape");
            await d.waitFor({ state: "detached" });
          }
        }
        for (const p of tp.problems()) if (!/status of 4\d\d/.test(p)) failures.push(`${lang}: ${p}`);
      } finally {
        await tp.close();
      }
      expect(failures).toEqual([]);
    });
}
