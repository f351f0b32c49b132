/**
 * The account page: password change with the server's refusals in the page's language, TOTP
 * enrolment through the QR code's secret and back off, the session list with sign-out
 * everywhere; axe, 375 px and screenshots of each tab in both languages.
 */
import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  apiSession,
  axeProblems,
  checkPage,
  demoPassword,
  type E2E,
  horizontalOverflow,
  type Lang,
  openPage,
  screenshot,
  signInContext,
  type TestPage,
  WIDTHS,
} from "./harness.js";

const USER = "demo-proposer";

const h1 = (page: Page, lang: Lang) =>
  page.getByRole("heading", { level: 1, name: lang === "vi" ? "Tài khoản của tôi" : "My account" }).waitFor();

async function disableTotp(tp: TestPage, code: string): Promise<void> {
  const res = await tp.context.request.get("/api/v1/session");
  if (!res.ok()) return;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  await tp.context.request.delete("/api/v1/me/totp", {
    headers: { "x-csrf-token": csrfToken },
    data: { code },
  });
}

export function accountSuite(e2e: () => E2E) {
  it("changes the password: refusals in Vietnamese, then success keeps this session", async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    tp.allow(/status of 40[13].*\/me\/password/); // the refused attempts
    tp.allow(/status of 422.*\/me\/password/);
    try {
      await signInContext(tp.context, USER);
      await tp.page.goto("/account?tab=password");
      await h1(tp.page, "vi");
      const form = tp.page.locator("form");
      const fill = async (current: string, next: string, again = next) => {
        await form.locator("input[name=currentPassword]").fill(current);
        await form.locator("input[name=newPassword]").fill(next);
        await form.locator("input[name=confirmPassword]").fill(again);
        await form.locator("button[type=submit]").click();
      };
      // A mismatch is caught before asking.
      await fill(demoPassword(), "một mật khẩu mới rất dài", "một mật khẩu khác hẳn");
      await tp.page.getByText("Hai lần nhập mật khẩu mới không khớp.").waitFor();
      // A wrong current password: the server's message, and the user stays signed in here.
      await fill("sai mật khẩu hiện tại", "một mật khẩu mới rất dài");
      await expect(tp.page.getByRole("alert").textContent()).resolves.toContain("không đúng");
      expect(new URL(tp.page.url()).pathname).toBe("/account");
      // The policy: not the username.
      await fill(demoPassword(), `${USER}-mới-2026`);
      await expect(tp.page.getByRole("alert").textContent()).resolves.toContain(
        "không được chứa tên đăng nhập",
      );
      const next = "trăng rằm tháng tám 2026";
      await fill(demoPassword(), next);
      await tp.page.getByText("Đã đổi mật khẩu.").waitFor();
      // This session goes on.
      await tp.page.getByRole("tab", { name: "Phiên đăng nhập" }).click();
      await tp.page.getByRole("table").waitFor();
      expect(new URL(tp.page.url()).pathname).toBe("/account");
      // Back to the demo's password, through the API.
      const res = await tp.context.request.get("/api/v1/session");
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const back = await tp.context.request.put("/api/v1/me/password", {
        headers: { "x-csrf-token": csrfToken },
        data: { currentPassword: next, newPassword: demoPassword() },
      });
      expect(back.status()).toBe(204);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("enrols TOTP from the QR code's secret, then turns it off", { timeout: 180_000 }, async () => {
    // The whole flow at 1440 px in each language; at 375 px the enrolment screen in Vietnamese.
    const runs = [
      { lang: "vi", width: WIDTHS.desktop },
      { lang: "en", width: WIDTHS.desktop },
      { lang: "vi", width: WIDTHS.phone },
    ] as const;
    for (const { lang, width } of runs) {
      const tp = await openPage(e2e(), { lang, width });
      let totp: OTPAuth.TOTP | undefined;
      try {
        await signInContext(tp.context, USER);
        await tp.page.goto("/account?tab=totp");
        await h1(tp.page, lang);
        await tp.page
          .getByRole("button", {
            name: lang === "vi" ? "Bật xác thực hai lớp" : "Turn on two-step verification",
          })
          .click();
        const qr = tp.page.getByRole("img", { name: lang === "vi" ? /Mã QR/ : /QR code/ });
        await qr.waitFor();
        expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
        const secret = (await tp.page.locator(".totp-secret").getAttribute("data-secret")) ?? "";
        expect((await tp.page.locator(".totp-secret").textContent())?.replace(/\s/g, "")).toBe(secret);
        totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
        await screenshot(tp.page, "account-totp-enrol", lang);
        if (width === WIDTHS.desktop) expect(await axeProblems(tp.page)).toEqual([]);
        expect(await horizontalOverflow(tp.page)).toBeLessThanOrEqual(0);
        if (width === WIDTHS.phone) {
          await tp.page.getByRole("button", { name: "Hủy" }).click();
          totp = undefined;
          continue;
        }
        await tp.page.locator("input[name=code]").fill(totp.generate());
        await tp.page
          .getByRole("button", { name: lang === "vi" ? "Xác nhận và bật" : "Confirm and turn on" })
          .click();
        await tp.page
          .getByText(lang === "vi" ? "Đã bật xác thực hai lớp." : "Two-step verification is on.", {
            exact: true,
          })
          .waitFor();
        await screenshot(tp.page, "account-totp-on", lang);
        if (width === WIDTHS.desktop) expect(await axeProblems(tp.page)).toEqual([]);
        await tp.page.locator("input[name=code]").fill(totp.generate());
        await tp.page
          .getByRole("button", {
            name: lang === "vi" ? "Tắt xác thực hai lớp" : "Turn off two-step verification",
          })
          .click();
        await tp.page
          .getByText(lang === "vi" ? "Đã tắt xác thực hai lớp." : "Two-step verification is off.", {
            exact: true,
          })
          .waitFor();
        totp = undefined;
        expect(tp.problems()).toEqual([]);
      } finally {
        // A failure half-way must not leave the demo account asking for a code.
        if (totp) await disableTotp(tp, totp.generate());
        await tp.close();
      }
    }
  });

  it("lists sessions with the current one marked, and signs out everywhere", async () => {
    // A second session elsewhere, to be listed and then ended.
    const other = await apiSession(e2e(), USER);
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      await signInContext(tp.context, USER);
      await tp.page.goto("/account?tab=sessions");
      const table = tp.page.getByRole("table");
      await table.waitFor();
      expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
      await expect(table.locator("tbody tr[data-current]").textContent()).resolves.toContain("Phiên này");
      await tp.page.getByRole("button", { name: "Đăng xuất khỏi mọi nơi" }).click();
      await tp.page.getByRole("dialog").getByRole("button", { name: "Đăng xuất khỏi mọi nơi" }).click();
      await tp.page.waitForURL((u) => u.pathname === "/sign-in");
      expect((await other.call("GET", "/session")).status).toBe(401);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  for (const tab of ["password", "sessions"] as const)
    it(`the ${tab} tab: axe, 375 px, screenshots in both languages`, { timeout: 120_000 }, async () => {
      await checkPage(e2e(), {
        name: `account-${tab}`,
        path: `/account?tab=${tab}`,
        user: USER,
        ready: async (page, lang) => {
          await h1(page, lang);
          if (tab === "sessions") await page.getByRole("table").waitFor();
        },
      });
    });
}
