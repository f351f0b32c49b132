/**
 * Signing in (password; TOTP for an enrolled user), an expired session mid-page returning to the
 * page after signing in again, and the language switch (vi → en → vi, kept across reloads).
 */
import * as OTPAuth from "otpauth";
import { expect, it } from "vitest";
import {
  apiSession,
  checkPage,
  demoPassword,
  type E2E,
  openPage,
  signInContext,
  signInWithForm,
} from "./harness.js";

/** The anonymous GET /session answers 401, which Chromium logs as a failed resource load. */
export function authSuite(e2e: () => E2E) {
  it("signs in with a password and returns to the overview", async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      await signInWithForm(tp.page, "demo-standing");
      expect(new URL(tp.page.url()).pathname).toBe("/");
      await tp.page.getByRole("button", { name: "Đăng xuất" }).waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("refuses a wrong password with the server's message in Vietnamese", async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    tp.allow(/status of 401/); // the refused sign-in itself
    try {
      await tp.page.goto("/sign-in");
      await tp.page.locator("input[name=username]").fill("demo-steering");
      await tp.page.locator("input[name=password]").fill("not the password at all");
      await tp.page.locator("form button[type=submit]").click();
      await expect(tp.page.getByRole("alert").textContent()).resolves.toContain("không đúng");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("signs in with a TOTP code for an enrolled user", async () => {
    const api = await apiSession(e2e(), "demo-advisor");
    const start = await api.call<{ secret: string; uri: string }>("POST", "/me/totp");
    expect(start.status).toBe(200);
    const totp = OTPAuth.URI.parse(start.data.uri);
    if (!(totp instanceof OTPAuth.TOTP)) throw new Error("not a TOTP URI");
    expect((await api.call("POST", "/me/totp/confirm", { code: totp.generate() })).status).toBe(204);

    const tp = await openPage(e2e(), { lang: "en" });
    tp.allow(/status of 401.*\/api\/v1\/session/); // the first answer: TOTP_REQUIRED
    try {
      await signInWithForm(tp.page, "demo-advisor", { totp: () => totp.generate() });
      await tp.page.getByRole("button", { name: "Sign out" }).waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
      // Leave the account as the demo made it (the API session from before enrolling goes on;
      // a sign-in could not reuse the code the form just used).
      expect((await api.call("DELETE", "/me/totp", { code: totp.generate() })).status).toBe(204);
    }
  });

  it("an expired session mid-page goes to sign-in, then back to the page", async () => {
    const tp = await openPage(e2e(), { lang: "vi" });
    tp.allow(/status of 401/); // the request that found the session gone
    try {
      await signInContext(tp.context, "demo-steering");
      await tp.page.goto("/account?tab=password");
      await tp.page.getByRole("heading", { level: 1, name: "Tài khoản của tôi" }).waitFor();
      // The session ends elsewhere (signing out everywhere from another client).
      const other = await apiSession(e2e(), "demo-steering");
      expect((await other.call("DELETE", "/me/sessions")).status).toBe(200);
      await tp.page.getByRole("tab", { name: "Phiên đăng nhập" }).click();
      await tp.page.waitForURL((u) => u.pathname === "/sign-in");
      expect(new URL(tp.page.url()).searchParams.get("next")).toBe("/account?tab=sessions");
      await tp.page.getByText("Phiên làm việc đã hết hạn").waitFor();
      await tp.page.locator("input[name=username]").fill("demo-steering");
      await tp.page.locator("input[name=password]").fill(demoPassword());
      await tp.page.locator("form button[type=submit]").click();
      await tp.page.waitForURL((u) => u.pathname === "/account" && u.searchParams.get("tab") === "sessions");
      await tp.page.getByRole("table").waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("switches the language vi → en → vi and keeps it across reloads", async () => {
    const tp = await openPage(e2e());
    try {
      await tp.page.goto("/sign-in");
      const h1 = tp.page.getByRole("heading", { level: 1 });
      await expect(h1.textContent()).resolves.toBe("Đăng nhập");
      expect(await tp.page.getAttribute("html", "lang")).toBe("vi");
      await tp.page.getByText("EN", { exact: true }).click();
      await tp.page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(await tp.page.getAttribute("html", "lang")).toBe("en");
      await tp.page.reload();
      await tp.page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(await tp.page.getAttribute("html", "lang")).toBe("en");
      await tp.page.getByText("VI", { exact: true }).click();
      await tp.page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();
      await tp.page.reload();
      await tp.page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();
      expect(await tp.page.getAttribute("html", "lang")).toBe("vi");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("the sign-in page: axe, 375 px, screenshots in both languages", { timeout: 120_000 }, async () => {
    await checkPage(e2e(), {
      name: "sign-in",
      path: "/sign-in",
      ready: (page, lang) =>
        page.getByRole("heading", { level: 1, name: lang === "vi" ? "Đăng nhập" : "Sign in" }).waitFor(),
    });
  });
}
