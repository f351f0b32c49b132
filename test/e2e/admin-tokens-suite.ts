/**
 * API tokens end to end (issue 15, item 4). The administrator issues a token for Hà Nội in the
 * browser — unit and indicators through their searchable pickers, by keyboard — reads the secret
 * from the page (shown once, with ready curl commands for this instance), and the real `curl`
 * uses it: what the token carries, a read and a bulk write of two of Hà Nội's empty cells. The list
 * then shows its last use; it is revoked after a confirmation and curl is refused (401). A second
 * token issued at 375 px in English shows the secret on a phone. Screenshots of each state in both
 * languages at 1440 and 375 px, axe, no console error.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  type ApiSession,
  apiSession,
  axeProblems,
  checkPage,
  type E2E,
  horizontalOverflow,
  openPage,
  screenshot,
  signInContext,
  WIDTHS,
} from "./harness.js";

const run = promisify(execFile);

/** The real curl: the body and the status code (written last by -w). */
export async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run("curl", ["-sS", "--max-time", "20", "-w", "\n%{http_code}", ...args]);
  const cut = stdout.lastIndexOf("\n");
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

interface Sheet {
  period: string;
  history: string[];
  indicators: {
    code: string;
    valueType: string;
    cells: {
      unit: string;
      disaggregation: Record<string, string>;
      value: unknown;
      can: { write: boolean };
    }[];
  }[];
}

async function must<T>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const r = await s.call<T>(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

/**
 * `n` number cells Hà Nội reports itself, empty, in a recent month (the current one, or earlier
 * when other suites filled it): a token's bulk write of them is accepted whole.
 */
export async function emptyHanoiCells(
  e2e: E2E,
  n: number,
): Promise<{ period: string; indicators: string[] }> {
  const reporter = await apiSession(e2e, "demo-reporter-hanoi");
  let sheet = await must<Sheet>(reporter, "GET", "/org-units/HA-NOI/entry?plan=NQ57");
  for (let back = 0; back < 8; back++) {
    const empty = sheet.indicators
      .filter(
        (i) =>
          i.valueType === "number" &&
          i.cells.some(
            (c) =>
              c.unit === "HA-NOI" && !c.value && c.can.write && Object.keys(c.disaggregation).length === 0,
          ),
      )
      .map((i) => i.code);
    if (empty.length >= n) return { period: sheet.period, indicators: empty.slice(-n) };
    const before = sheet.history.at(-1);
    if (!before) break;
    sheet = await must<Sheet>(reporter, "GET", `/org-units/HA-NOI/entry?plan=NQ57&period=${before}`);
  }
  throw new Error(`no month with ${n} empty cells of Hà Nội`);
}

/** Picks an option of a searchable Mantine select by typing and pressing Enter (the keyboard path). */
async function pick(page: Page, label: RegExp, typed: string, option: RegExp) {
  const input = page
    .getByRole("dialog")
    .getByRole("textbox", { name: label })
    .or(page.getByRole("dialog").getByRole("combobox", { name: label }));
  await input.first().click();
  await input.first().fill(typed);
  await page.getByRole("option", { name: option }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const L = {
  vi: {
    heading: "Mã truy cập API",
    issue: "Cấp mã mới",
    name: /^Tên/,
    unit: /^Đơn vị/,
    indicators: /^Chỉ tiêu/,
    days: /^Hết hạn sau/,
    submit: "Cấp mã",
    secretOnce: /sẽ không hiện lại/,
    never: "Chưa dùng",
    revoke: "Thu hồi",
    confirm: "Thu hồi mã",
    revoked: "Đã thu hồi",
  },
  en: {
    heading: "API tokens",
    issue: "Issue a token",
    name: /^Name/,
    unit: /^Unit/,
    indicators: /^Indicators/,
    days: /^Expires in/,
    submit: "Issue the token",
    secretOnce: /will not be shown again/,
    never: "Never",
    revoke: "Revoke",
    confirm: "Revoke the token",
    revoked: "Revoked",
  },
} as const;

/**
 * Fills and sends the issue form on the open page (keyboard for the pickers) and returns the
 * secret read from the page and the token's id from the answer.
 */
async function issueInBrowser(
  page: Page,
  lang: "vi" | "en",
  form: { name: string; indicators: string[]; days: number },
): Promise<{ id: string; secret: string }> {
  const l = L[lang];
  // Opened by keyboard: the dialog takes the focus, on its first field.
  await page.getByRole("button", { name: l.issue }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null))
    .toBe(true);
  // Sending the empty form is refused on the page, naming the fields.
  await dialog.getByRole("button", { name: l.submit, exact: true }).click();
  await dialog.locator(".mantine-InputWrapper-error").first().waitFor();
  await dialog.getByRole("textbox", { name: l.name }).fill(form.name);
  await pick(page, l.unit, "HA-NOI", /\(HA-NOI\)$/);
  for (const code of form.indicators)
    await pick(page, l.indicators, code, new RegExp(`^${escapeRe(code)} ·`));
  await dialog.getByRole("textbox", { name: l.days }).fill(String(form.days));
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/api-tokens") && r.request().method() === "POST",
  );
  await dialog.getByRole("button", { name: l.submit, exact: true }).click();
  const res = await answer;
  expect(res.status()).toBe(201);
  const { id, token } = (await res.json()) as { id: string; token: string };
  await dialog.waitFor({ state: "detached" });
  const panel = page.getByTestId("new-secret");
  await panel.getByText(l.secretOnce).waitFor();
  const secret = await page.getByTestId("token-secret").inputValue();
  expect(secret).toBe(token);
  return { id, secret };
}

export function adminTokensSuite(get: () => E2E) {
  it("issues a token in the browser, curl uses it, the page shows its last use, revoking it locks curl out", {
    timeout: 240_000,
  }, async () => {
    const e2e = get();
    const { period, indicators } = await emptyHanoiCells(e2e, 2);
    const tp = await openPage(e2e, { lang: "vi" });
    try {
      const { page, context } = tp;
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.url });
      await signInContext(context, "demo-admin");
      await page.goto("/admin/tokens");
      await page.getByRole("heading", { level: 1, name: L.vi.heading }).waitFor();
      const name = `E2E Cổng Hà Nội ${Date.now()}`;
      const { id, secret } = await issueInBrowser(page, "vi", { name, indicators, days: 30 });
      // cn_, 8 characters of base64url (which has - and _), _, the rest.
      expect(secret).toMatch(/^cn_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{20,}$/);

      // The copy button puts the secret on the clipboard.
      await page.getByTestId("new-secret").getByRole("button", { name: "Sao chép", exact: true }).click();
      await page.getByTestId("new-secret").getByRole("button", { name: "Đã sao chép" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      // The ready commands name this instance and this secret.
      const commands = await page
        .getByTestId("new-secret")
        .locator("textarea")
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(commands[0]).toBe(
        `curl -H 'Authorization: Bearer ${secret}' '${e2e.url}/api/v1/api-tokens/current'`,
      );
      expect(commands.some((c) => c.includes("-X PUT"))).toBe(true);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "admin-tokens-secret", "vi");
      await page.setViewportSize({ width: WIDTHS.phone, height: 900 });
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, "admin-tokens-secret", "vi");
      await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });

      // The real curl with the secret read from the page.
      const auth = ["-H", `Authorization: Bearer ${secret}`];
      const current = await curl([...auth, `${e2e.url}/api/v1/api-tokens/current`]);
      expect(current.status, current.body).toBe(200);
      expect(JSON.parse(current.body)).toMatchObject({ id, unit: "HA-NOI", indicators });
      const read = await curl([
        ...auth,
        `${e2e.url}/api/v1/observations?indicator=${indicators[0]}&unit=HA-NOI`,
      ]);
      expect(read.status, read.body).toBe(200);
      const write = await curl([
        ...auth,
        "-X",
        "POST",
        "-H",
        "Content-Type: application/json",
        "--data",
        JSON.stringify({
          items: indicators.map((indicator, k) => ({ indicator, unit: "HA-NOI", period, value: 21 + k })),
        }),
        `${e2e.url}/api/v1/observations/bulk`,
      ]);
      expect(write.status, write.body).toBe(200);
      // Outside its scope: another unit is refused.
      const other = await curl([
        ...auth,
        "-X",
        "PUT",
        "-H",
        "Content-Type: application/json",
        "--data",
        JSON.stringify({ indicator: indicators[0], unit: "HO-CHI-MINH", period, value: 1 }),
        `${e2e.url}/api/v1/observations`,
      ]);
      expect(other.status).toBe(403);

      // Its last use on the page (the list is read again after "I have saved the secret").
      await page.getByRole("button", { name: "Tôi đã lưu mã bí mật" }).click();
      await page.reload();
      const row = page.locator(`tr[data-token="${id}"]`);
      await row.waitFor();
      await expect.poll(() => row.locator("[data-cell=last-used]").textContent()).not.toBe(L.vi.never);
      expect(await page.getByTestId("new-secret").count()).toBe(0);

      // Revoked after a confirmation (Escape first: nothing happens), then curl is refused.
      await row.getByRole("button", { name: new RegExp(`^${L.vi.revoke}`) }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(name, { exact: false }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "admin-tokens-revoke", "vi");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(await row.getAttribute("data-status")).toBe("active");
      await row.getByRole("button", { name: new RegExp(`^${L.vi.revoke}`) }).click();
      await dialog.getByRole("button", { name: L.vi.confirm }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Đã thu hồi mã "${name}".` })
        .waitFor();
      await expect.poll(() => row.getAttribute("data-status")).toBe("revoked");
      await row.getByText(L.vi.revoked).waitFor();
      expect(await row.getByRole("button", { name: new RegExp(`^${L.vi.revoke}`) }).count()).toBe(0);
      const refused = await curl([...auth, `${e2e.url}/api/v1/api-tokens/current`]);
      expect(refused.status).toBe(401);
      // The status filter lands in the URL.
      await page.goto("/admin/tokens?status=revoked");
      await row.waitFor();
      expect(await page.locator("tr[data-status=active]").count()).toBe(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("shows a new secret on a phone in English, and the list page passes axe and fits 375 px in both languages", {
    timeout: 240_000,
  }, async () => {
    const e2e = get();
    const { indicators } = await emptyHanoiCells(e2e, 1);
    const tp = await openPage(e2e, { lang: "en", width: WIDTHS.phone });
    try {
      const { page } = tp;
      await signInContext(tp.context, "demo-admin");
      await page.goto("/admin/tokens");
      await page.getByRole("heading", { level: 1, name: L.en.heading }).waitFor();
      const { id } = await issueInBrowser(page, "en", {
        name: `E2E phone ${Date.now()}`,
        indicators,
        days: 7,
      });
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, "admin-tokens-secret", "en");
      await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "admin-tokens-secret", "en");
      // Revoked again so it does not linger among the demo's tokens.
      await page.getByRole("button", { name: "I have saved the secret" }).click();
      await page
        .locator(`tr[data-token="${id}"]`)
        .getByRole("button", { name: /^Revoke/ })
        .click();
      await page.getByRole("dialog").getByRole("button", { name: L.en.confirm }).click();
      await expect
        .poll(() => page.locator(`tr[data-token="${id}"]`).getAttribute("data-status"))
        .toBe("revoked");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
    await checkPage(e2e, {
      name: "admin-tokens",
      path: "/admin/tokens",
      user: "demo-admin",
      ready: (page) => page.locator("tr[data-token]").first().waitFor(),
    });
  });

  it("refuses the page plainly to the Standing Office, whose session may not manage tokens", async () => {
    const tp = await openPage(get(), { lang: "en" });
    try {
      await signInContext(tp.context, "demo-standing");
      await tp.page.goto("/admin/tokens");
      await tp.page.getByText("Your account may not open this page").waitFor();
      expect(await tp.page.getByRole("button", { name: L.en.issue }).count()).toBe(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  }, 60_000);
}
