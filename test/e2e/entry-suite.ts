/**
 * The entry grid (/entry) end to end, on Hà Nội's sheet of August 2026 (its disaggregation cells
 * and its two rates have no values in the demo, so other suites' cells are left alone): the
 * reporter types with the keyboard (Enter, arrows, Escape), pastes a block as Excel puts it on the
 * clipboard, sees a bound refused beside the cell, saves, reloads and finds drafts; a value
 * changed through the API meanwhile comes back as a conflict, resolved by keeping theirs' version
 * with our value; the approver's submit-all refused whole when a value changed (STALE_BATCH), then
 * done once for a double click, and a recall; a 375 px card layout; axe and screenshots in both
 * languages at 1440 and 375 px.
 */
import type { Locator, Page, Request } from "playwright-core";
import { expect, it } from "vitest";
import { apiSession, checkPage, type E2E, openPage, signInContext, WIDTHS } from "./harness.js";

const PERIOD = "2026-08";
const PATH = `/entry?period=${PERIOD}`;
const TRAINEES = "OI_DIGITAL_SKILLS_TRAINEES";
const RATE = "OI_EDOC_EXCHANGE_RATE";

/** The input of a cell by its accessible name (indicator name, option, period). */
const cell = (page: Page, name: RegExp): Locator => page.getByRole("textbox", { name });
const male = (p: Page) => cell(p, /Nam \(giới tính\)/);
const female = (p: Page) => cell(p, /Nữ \(giới tính\)/);
const urban = (p: Page) => cell(p, /Thành thị \(khu vực\)/);
const rural = (p: Page) => cell(p, /Nông thôn \(khu vực\)/);
const rate = (p: Page) => cell(p, /^Tỉ lệ văn bản điện tử của đơn vị/);

async function openSheet(page: Page, path = PATH): Promise<void> {
  await page.goto(path);
  await page.locator(".entry-input").first().waitFor({ timeout: 30_000 });
}

/** Nothing waits in the outbox: the save bar says so. */
async function synced(page: Page): Promise<void> {
  await page.getByText("Mọi giá trị đã được lưu.").waitFor({ timeout: 15_000 });
}

/** A paste event as a spreadsheet makes it (text/plain, tab-separated rows), dispatched on the focused cell. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

export function entrySuite(get: () => E2E): void {
  it("a reporter types with the keyboard, pastes a block, is told a bound, and finds drafts after a reload", async () => {
    const tp = await openPage(get(), { lang: "vi" });
    try {
      await signInContext(tp.context, "demo-reporter-hanoi");
      const { page } = tp;
      await openSheet(page);
      // Keyboard: type, Enter moves down; Escape puts the text back; ArrowUp moves up.
      await male(page).click();
      await page.keyboard.type("1200");
      await page.keyboard.press("Enter");
      expect(await female(page).evaluate((e) => e === document.activeElement)).toBe(true);
      await page.keyboard.type("999");
      await page.keyboard.press("Escape");
      expect(await female(page).inputValue()).toBe("");
      await page.keyboard.press("ArrowUp");
      expect(await male(page).evaluate((e) => e === document.activeElement)).toBe(true);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.type("1350,5");
      await page.keyboard.press("Tab");
      expect(await urban(page).evaluate((e) => e === document.activeElement)).toBe(true);
      // A block from Excel: decimal comma and point, thousands separators, a trailing newline.
      await paste(page, "1.700,25\r\n850.5\r\n");
      expect(await urban(page).inputValue()).toBe("1700,25");
      expect(await rural(page).inputValue()).toBe("850,5");
      await page.getByText("Đã dán 2 ô.").waitFor();
      // Out of the rate's bounds: refused beside the cell before anything is sent.
      await rate(page).click();
      await page.keyboard.type("140");
      await page.keyboard.press("Enter");
      await page.getByText("Phải từ 0 đến 100").waitFor();
      expect(await rate(page).getAttribute("aria-invalid")).toBe("true");
      await rate(page).click();
      await page.keyboard.press("Control+a");
      await page.keyboard.press("Backspace");
      await page.keyboard.press("Enter");
      expect(await page.getByText("Phải từ 0 đến 100").count()).toBe(0);
      // Saved by the outbox on its own when online; "Lưu" sends whatever is left.
      const save = page.getByRole("button", { name: "Lưu", exact: true });
      if (await save.isEnabled()) await save.click();
      await synced(page);
      await page.reload();
      await male(page).waitFor({ timeout: 30_000 });
      expect(await male(page).inputValue()).toBe("1200");
      expect(await female(page).inputValue()).toBe("1350,5");
      expect(await urban(page).inputValue()).toBe("1700,25");
      expect(await rural(page).inputValue()).toBe("850,5");
      const maleRow = page.locator("tr", { has: male(page) });
      await maleRow.getByText("Bản nháp").waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("a value changed through the API after the page loaded is a conflict, shown side by side and resolved", async () => {
    const e2e = get();
    const tp = await openPage(e2e, { lang: "vi" });
    // The refused PUT is the browser's own console line for a 409: expected here.
    tp.allow(/status of 409/);
    try {
      await signInContext(tp.context, "demo-reporter-hanoi");
      const { page } = tp;
      await openSheet(page);
      const other = await apiSession(e2e, "demo-approver-hanoi");
      const put = await other.call("PUT", "/observations", {
        indicator: RATE,
        unit: "HA-NOI",
        period: PERIOD,
        value: 55,
        expectedVersion: 0,
      });
      expect(put.status).toBe(201);
      await rate(page).click();
      await page.keyboard.type("60");
      await page.keyboard.press("Enter");
      const panel = page.getByRole("group", { name: "Số liệu đã bị thay đổi trong lúc bạn nhập" });
      await panel.waitFor({ timeout: 15_000 });
      const said = (await panel.textContent()) ?? "";
      expect(said).toContain("Giá trị của bạn60");
      expect(said).toContain("Giá trị trên máy chủ55");
      expect(said).toContain("demo-approver-hanoi");
      await panel.getByRole("button", { name: "Giữ giá trị của tôi" }).click();
      await panel.waitFor({ state: "detached", timeout: 15_000 });
      await synced(page);
      const now = await other.call<{ items: { value: number }[] }>(
        "GET",
        `/observations?indicator=${RATE}&unit=HA-NOI&from=${PERIOD}&to=${PERIOD}`,
      );
      expect(now.data.items.map((i) => i.value)).toEqual([60]);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("the approver's submit-all is refused whole when a value changed, then done once for a double click; a recall", async () => {
    const e2e = get();
    const tp = await openPage(e2e, { lang: "vi" });
    tp.allow(/status of 409/);
    try {
      await signInContext(tp.context, "demo-approver-hanoi");
      const { page } = tp;
      await openSheet(page);
      const submitAll = page.getByRole("button", { name: /^Nộp tất cả bản nháp \(\d+\)$/ });
      await submitAll.waitFor();
      // The reporter changes a draft after the approver's page loaded.
      const reporter = await apiSession(e2e, "demo-reporter-hanoi");
      const list = await reporter.call<{
        items: { version: number; disaggregation: Record<string, string> }[];
      }>("GET", `/observations?indicator=${TRAINEES}&unit=HA-NOI&from=${PERIOD}&to=${PERIOD}`);
      const version = list.data.items.find((i) => i.disaggregation.sex === "male")?.version ?? 0;
      const changed = await reporter.call("PUT", "/observations", {
        indicator: TRAINEES,
        unit: "HA-NOI",
        period: PERIOD,
        disaggregation: { sex: "male" },
        value: 1250,
        expectedVersion: version,
      });
      expect(changed.status).toBe(200);
      await submitAll.click();
      await page.getByText("Không nộp được: số liệu đã thay đổi").waitFor({ timeout: 15_000 });
      // The sheet was read again: a double click now sends one batch.
      await male(page).and(page.locator("[value='1250']")).waitFor({ timeout: 15_000 });
      const batches: Request[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith("/observations/transitions") && r.method() === "POST") batches.push(r);
      });
      await submitAll.dblclick();
      await page.getByText(/^Đã nộp \d+ giá trị\.$/).waitFor({ timeout: 15_000 });
      expect(batches).toHaveLength(1);
      const maleRow = page.locator("tr", { has: male(page) });
      await maleRow.getByText("Đã nộp").waitFor({ timeout: 15_000 });
      expect(await male(page).getAttribute("readonly")).not.toBeNull();
      // Recall the one value: its checkbox, then "Rút lại mục đã chọn (1)".
      await maleRow.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Rút lại mục đã chọn (1)" }).click();
      await page.getByText("Đã rút lại 1 giá trị.").waitFor({ timeout: 15_000 });
      await maleRow.getByText("Bản nháp").waitFor({ timeout: 15_000 });
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("on a 375 px phone each indicator is a card with a large numeric input, and nothing scrolls sideways", async () => {
    const tp = await openPage(get(), { lang: "vi", width: WIDTHS.phone });
    try {
      await signInContext(tp.context, "demo-reporter-hanoi");
      const { page } = tp;
      await openSheet(page);
      const input = rural(page);
      const box = await input.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(await input.getAttribute("inputmode")).toBe("decimal");
      await input.click();
      await page.keyboard.press("Control+a");
      await page.keyboard.type("900");
      await page.keyboard.press("Enter");
      await synced(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("the grid: axe, no console error, no sideways scroll, screenshots in both languages", async () => {
    await checkPage(get(), {
      name: "entry",
      path: PATH,
      user: "demo-reporter-hanoi",
      ready: (page) => page.locator(".entry-input").first().waitFor({ timeout: 30_000 }),
    });
    await checkPage(get(), {
      name: "entry-approver",
      path: PATH,
      user: "demo-approver-hanoi",
      langs: ["vi"],
      ready: (page) => page.locator(".entry-approver").waitFor({ timeout: 30_000 }),
    });
  });
}
