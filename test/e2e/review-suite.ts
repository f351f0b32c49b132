/**
 * The review queue as the Standing Office (issue 14, item 4). Hà Nội's reporter writes five values
 * of one month through the API and its approver submits them; in the browser the Standing Office
 * filters by Hà Nội with the unit picker, approves one (a double click sends once), tries to return
 * one without a reason (refused on the page, nothing sent) and then with one, approves two at once
 * from the checkboxes by keyboard, and sees a batch refused when a value changed meanwhile
 * (STALE_BATCH, naming it). The API confirms each state, and the reporter's entry sheet carries the
 * return's reason. Then an approved value is revised with its reason and its history shown.
 * Screenshots at 1440 and 375 px in both languages, axe, no console error.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  type ApiSession,
  apiSession,
  axeProblems,
  checkPage,
  type E2E,
  openPage,
  screenshot,
  signInContext,
} from "./harness.js";

interface Obs {
  id: string;
  indicator: string;
  period: string;
  value: number;
  status: string;
  version: number;
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
      value: { id: string } | null;
      can: { write: boolean };
      returned: { reason: string | null } | null;
    }[];
  }[];
}

async function must<T>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const r = await s.call<T>(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

/**
 * Five empty number cells Hà Nội reports itself in a recent month (the current one, or earlier
 * when the demo filled it), written by its reporter and submitted by its approver in one batch.
 */
async function submittedValues(e2e: E2E): Promise<{ period: string; values: Obs[] }> {
  const reporter = await apiSession(e2e, "demo-reporter-hanoi");
  const approver = await apiSession(e2e, "demo-approver-hanoi");
  let sheet = await must<Sheet>(reporter, "GET", "/org-units/HA-NOI/entry?plan=NQ57");
  for (let back = 0; back < 6; back++) {
    const empty = sheet.indicators.flatMap((i) =>
      i.valueType === "number"
        ? i.cells
            .filter(
              (c) =>
                c.unit === "HA-NOI" && !c.value && c.can.write && Object.keys(c.disaggregation).length === 0,
            )
            .map(() => i.code)
        : [],
    );
    if (empty.length >= 5) {
      const written: Obs[] = [];
      for (const [k, indicator] of empty.slice(0, 5).entries())
        written.push(
          await must<Obs>(reporter, "PUT", "/observations", {
            indicator,
            unit: "HA-NOI",
            period: sheet.period,
            value: 40 + k,
            comment: `E2E ${k + 1}`,
          }),
        );
      const sent = await must<{ items: Obs[] }>(approver, "POST", "/observations/transitions", {
        action: "submit",
        items: written.map((o) => ({ id: o.id, expectedVersion: o.version })),
      });
      return { period: sheet.period, values: sent.items };
    }
    const before = sheet.history.at(-1);
    if (!before) break;
    sheet = await must<Sheet>(reporter, "GET", `/org-units/HA-NOI/entry?plan=NQ57&period=${before}`);
  }
  throw new Error("no month with five empty cells of Hà Nội");
}

const row = (page: Page, id: string) => page.locator(`tr[data-row="${id}"]`);

/** Picks an option of a searchable Mantine select by typing and pressing Enter (the keyboard path). */
async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

const REASON = "Số liệu tháng này thấp bất thường, đề nghị kiểm tra lại nguồn";

export function reviewSuite(e2e: () => E2E) {
  let prepared: { period: string; values: Obs[] } | undefined;

  it("approves one, returns one with its reason, approves two at once, and refuses a stale batch", {
    timeout: 120_000,
  }, async () => {
    prepared = await submittedValues(e2e());
    const { period, values } = prepared;
    const [one, back, bulkA, bulkB, stale] = values as [Obs, Obs, Obs, Obs, Obs];
    const approver = await apiSession(e2e(), "demo-approver-hanoi");
    const standing = await apiSession(e2e(), "demo-standing");

    const tp = await openPage(e2e(), { lang: "vi" });
    const moves: string[] = [];
    tp.page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/api/v1/observations/transitions"))
        moves.push(r.postData() ?? "");
    });
    try {
      const { page } = tp;
      // No live stream here: its refresh would show the changed value before the stale batch is
      // sent (the next test checks the stream); without it the page keeps the version it read.
      await page.route("**/api/v1/events**", (r) => r.abort());
      tp.allow(/\/api\/v1\/events/);
      // The stale batch's 409, which Chromium logs as a failed resource: expected, shown on the page.
      tp.allow(/status of 409 \(Conflict\).*\/api\/v1\/observations\/transitions/);
      await signInContext(tp.context, "demo-standing");
      await page.goto("/review");
      await page.getByRole("heading", { level: 1, name: "Duyệt số liệu" }).waitFor();
      // The unit through its picker, the month through its own: both land in the URL.
      await pick(page, "Đơn vị (gồm cả đơn vị trực thuộc)", "HA-NOI", /\(HA-NOI\)$/);
      await page.waitForURL(/unit=HA-NOI/);
      await pick(page, "Kỳ báo cáo", period, new RegExp(`^${period}$`));
      await page.waitForURL(new RegExp(`period=${period}`));
      for (const v of values) await row(page, v.id).waitFor({ timeout: 30_000 });
      // The period before and the change are shown where the demo has last month's figure.
      expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(5);

      // One approved by a double click: one request.
      await row(page, one.id)
        .getByRole("button", { name: /^Duyệt:/ })
        .dblclick();
      await page.getByRole("status").filter({ hasText: "Đã duyệt 1 số liệu." }).waitFor();
      await row(page, one.id).waitFor({ state: "detached" });
      expect(moves).toHaveLength(1);

      // A return without a reason is refused on the page (nothing sent), then sent with one.
      await row(page, back.id)
        .getByRole("button", { name: /^Trả lại:/ })
        .click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Trả lại 1 số liệu" }).click();
      await dialog.getByText("Hãy nhập lý do.").waitFor();
      expect(moves).toHaveLength(1);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "review-return", "vi");
      await dialog.getByRole("textbox", { name: /Lý do trả lại/ }).fill(REASON);
      await dialog.getByRole("button", { name: "Trả lại 1 số liệu" }).click();
      await page.getByRole("status").filter({ hasText: "Đã trả lại 1 số liệu cho đơn vị." }).waitFor();
      await dialog.waitFor({ state: "detached" });
      expect(moves).toHaveLength(2);

      // Two selected with the keyboard (Space on each checkbox), approved as one batch.
      for (const v of [bulkA, bulkB]) {
        await row(page, v.id).getByRole("checkbox").focus();
        await page.keyboard.press("Space");
      }
      await page.getByText("Đã chọn 2 số liệu").waitFor();
      await page.getByRole("button", { name: "Duyệt 2 số liệu đã chọn" }).press("Enter");
      await page.getByRole("status").filter({ hasText: "Đã duyệt 2 số liệu." }).waitFor();
      expect(moves).toHaveLength(3);

      // A value recalled and submitted again meanwhile (a new version): the batch is refused whole
      // and names it; the reloaded list shows it as it is now, and it is then approved.
      await must(approver, "POST", "/observations/transitions", {
        action: "recall",
        items: [{ id: stale.id, expectedVersion: stale.version }],
      });
      const again = await must<{ items: Obs[] }>(approver, "POST", "/observations/transitions", {
        action: "submit",
        items: [{ id: stale.id, expectedVersion: stale.version + 1 }],
      });
      await row(page, stale.id).getByRole("checkbox").check();
      await page.getByRole("button", { name: "Duyệt 1 số liệu đã chọn" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: "Chưa xử lý số liệu nào" });
      await refusal.getByText(`${stale.indicator} · ${period}`, { exact: false }).waitFor();
      await refusal.getByText(/1\/1 số liệu đã thay đổi/).waitFor();
      await row(page, stale.id)
        .getByRole("button", { name: /^Duyệt:/ })
        .click();
      await page.getByRole("status").filter({ hasText: "Đã duyệt 1 số liệu." }).waitFor();
      await screenshot(page, "review-after", "vi");

      expect(tp.problems()).toEqual([]);
      // The batches as sent: one approve of one, a return with its reason, one approve of two.
      const sent = moves.map((m) => JSON.parse(m) as { action: string; reason?: string; items: unknown[] });
      expect(sent.slice(0, 3).map((m) => [m.action, m.items.length, m.reason ?? null])).toEqual([
        ["approve", 1, null],
        ["return", 1, REASON],
        ["approve", 2, null],
      ]);
      expect(again.items[0]?.version).toBe(stale.version + 2);
    } finally {
      await tp.close();
    }

    // The API agrees, as Hà Nội's reporter reads them (a returned value is a draft again, which
    // only its unit sees; the Standing Office no longer does).
    const reporter = await apiSession(e2e(), "demo-reporter-hanoi");
    const status = async (id: string) => (await must<Obs>(reporter, "GET", `/observations/${id}`)).status;
    expect(await Promise.all(values.map((v) => status(v.id)))).toEqual([
      "approved",
      "draft",
      "approved",
      "approved",
      "approved",
    ]);
    expect((await standing.call("GET", `/observations/${back.id}`)).status).toBe(404);
    // The reporter's entry sheet carries the reason beside the returned cell.
    const sheet = await must<Sheet>(reporter, "GET", `/org-units/HA-NOI/entry?plan=NQ57&period=${period}`);
    const cell = sheet.indicators
      .find((i) => i.code === back.indicator)
      ?.cells.find((c) => c.value?.id === back.id);
    expect(cell?.returned?.reason).toBe(REASON);
    // …and the reporter's grid shows it beside the cell.
    const rp = await openPage(e2e(), { lang: "vi" });
    try {
      await signInContext(rp.context, "demo-reporter-hanoi");
      await rp.page.goto(`/entry?unit=HA-NOI&plan=NQ57&period=${period}`);
      await rp.page.getByText(`Bị trả lại bởi demo-standing: ${REASON}`).waitFor({ timeout: 30_000 });
    } finally {
      await rp.close();
    }
  });

  it("shows a value submitted elsewhere without a reload (live events)", { timeout: 60_000 }, async () => {
    if (!prepared) throw new Error("the first review test did not prepare values");
    const { period, values } = prepared;
    const back = values[1] as Obs;
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      const { page } = tp;
      await signInContext(tp.context, "demo-standing");
      // Its own cell only: returned, it is a draft and the queue is empty.
      await page.goto(`/review?unit=HA-NOI&period=${period}&indicator=${back.indicator}`);
      await page.getByText("Không có số liệu nào chờ bạn duyệt với bộ lọc này.").waitFor({ timeout: 30_000 });
      // Hà Nội corrects the returned value and submits it again.
      const reporter = await apiSession(e2e(), "demo-reporter-hanoi");
      const approver = await apiSession(e2e(), "demo-approver-hanoi");
      const fixed = await must<Obs>(reporter, "PUT", "/observations", {
        indicator: back.indicator,
        unit: "HA-NOI",
        period,
        value: 4100,
        expectedVersion: (await must<Obs>(reporter, "GET", `/observations/${back.id}`)).version,
      });
      await must(approver, "POST", `/observations/${back.id}/submit`, { expectedVersion: fixed.version });
      await row(page, back.id).waitFor({ timeout: 20_000 });
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("revises an approved value with its reason and shows its history", { timeout: 90_000 }, async () => {
    if (!prepared) throw new Error("the first review test did not prepare values");
    const { period, values } = prepared;
    const target = values[0] as Obs;
    const tp = await openPage(e2e(), { lang: "vi" });
    try {
      const { page } = tp;
      await signInContext(tp.context, "demo-standing");
      await page.goto(`/review?tab=approved&unit=HA-NOI&period=${period}`);
      await row(page, target.id)
        .getByRole("button", { name: /^Sửa số liệu đã duyệt:/ })
        .click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Lưu giá trị mới" }).click();
      await dialog.getByText("Hãy nhập giá trị mới.").waitFor();
      await dialog.getByText("Hãy nhập lý do.").waitFor();
      await dialog.getByRole("textbox", { name: /Giá trị mới/ }).fill("41,5");
      await dialog.getByRole("textbox", { name: /Lý do sửa/ }).fill("Đối soát lại với cổng dịch vụ công");
      // The history lists the approved revision before the change.
      await dialog.getByRole("table").getByText("đã duyệt").first().waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "review-revise", "vi");
      await dialog.getByRole("button", { name: "Lưu giá trị mới" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: /thành 41,5/ })
        .waitFor();
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
    const standing = await apiSession(e2e(), "demo-standing");
    const now = await must<Obs>(standing, "GET", `/observations/${target.id}`);
    expect([now.value, now.status]).toEqual([41.5, "approved"]);
    const revs = await must<{ items: { value: number; status: string }[] }>(
      standing,
      "GET",
      `/observations/${target.id}/revisions`,
    );
    expect(revs.items.map((r) => [r.value, r.status]).slice(-2)).toEqual([
      [40, "approved"],
      [41.5, "approved"],
    ]);
  });

  it("review: loads cleanly in both languages; axe, 375 px, screenshots", { timeout: 120_000 }, async () => {
    await checkPage(e2e(), {
      name: "review",
      path: "/review?unit=HA-NOI",
      user: "demo-standing",
      ready: (page, lang) =>
        page
          .getByRole("heading", { level: 1, name: lang === "vi" ? "Duyệt số liệu" : "Review values" })
          .waitFor(),
    });
    await checkPage(e2e(), {
      name: "review-approved",
      path: "/review?tab=approved&unit=HA-NOI",
      user: "demo-standing",
      langs: ["vi"],
      ready: (page) => page.locator("tbody tr").first().waitFor({ timeout: 30_000 }),
    });
  });
}
