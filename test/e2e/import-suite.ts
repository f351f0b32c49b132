/**
 * The import wizard end to end, as Hà Nội's reporter: the template downloaded through the page (a
 * real .xlsx that exceljs reads), files of the wrong kind named as such (by the page, and by the
 * server for a Word document renamed .xlsx), a CSV with row errors refused with its table of
 * errors and nothing written, then the template filled and committed: the progress bar reaches
 * its end, a double click sends one commit, a reload shows the result, and the values are there
 * through the API. Then screenshots, axe and 375 px of the wizard's steps in both languages.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { zipStream } from "../helpers/xlsx-files.js";
import { apiSession, checkPage, type E2E, openPage, screenshot, signInContext } from "./harness.js";

const USER = "demo-reporter-hanoi";
const UNIT = "HA-NOI";

/**
 * A month half a year back: the demo leaves most of its cells empty, and the suites that type
 * into the grid work on recent months, so the values written here meet none of theirs.
 */
function monthBefore(today: Date, back: number): string {
  const d = new Date(today.getFullYear(), today.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

interface TemplateRow {
  indicator: string;
  current: unknown;
  row: number;
}

async function readTemplate(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; rows: TemplateRow[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("the template has no sheet");
  const rows: TemplateRow[] = [];
  ws.eachRow((r, i) => {
    if (i > 1) rows.push({ indicator: String(r.getCell(1).value), current: r.getCell(6).value, row: i });
  });
  return { wb, rows };
}

async function bytesOf(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(c);
  return Buffer.concat(out);
}

/** A Word document's parts in a ZIP, its package pointing at word/document.xml: a .docx renamed .xlsx. */
const fakeDocx = () =>
  bytesOf(
    zipStream([
      { name: "[Content_Types].xml", data: () => ['<?xml version="1.0"?><Types/>'] },
      {
        name: "_rels/.rels",
        data: () => [
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
          "</Relationships>",
        ],
      },
      { name: "word/document.xml", data: () => ['<?xml version="1.0"?><w:document/>'] },
    ]),
  );

/** The browser logs every 4xx; a refused dry run answers 422 by design (its body is the table). */
const REFUSED_DRY_RUN = /status of 422 .*\/observations\/import\?dryRun=true/;
/** …and a file over the limit 413, in the main test. */
const TOO_LARGE = /status of 413 .*\/observations\/import\?dryRun=true/;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.locator("input[type=file]").setInputFiles({ name, mimeType, buffer });
  await page.locator(".import-file-name", { hasText: name }).waitFor();
}

type Value = { value: number | boolean | null; status: string };

/** The unit's values in the period, by indicator (no disaggregation), through the API. */
async function valuesAt(
  api: Awaited<ReturnType<typeof apiSession>>,
  period: string,
): Promise<Map<string, Value>> {
  const res = await api.call<{ items: ({ indicator: string; disaggregation: object } & Value)[] }>(
    "GET",
    `/observations?unit=${UNIT}&from=${period}&to=${period}&limit=1000`,
  );
  expect(res.status).toBe(200);
  return new Map(
    res.data.items
      .filter((o) => Object.keys(o.disaggregation).length === 0)
      .map((o) => [o.indicator, { value: o.value, status: o.status }]),
  );
}

/**
 * The bad CSV: a value that is not a number, an indicator that does not exist and, when there is
 * one, a change to an approved value (locked).
 */
const badCsv = (period: string, indicator: string, approved?: { indicator: string; value: number }) =>
  Buffer.from(
    [
      "indicator,unit,period,value",
      `${indicator},${UNIT},${period},mười hai`,
      `OI_NO_SUCH_INDICATOR,${UNIT},${period},12`,
      ...(approved ? [`${approved.indicator},${UNIT},${period},${approved.value + 1}`] : []),
      "",
    ].join("\n"),
  );

export function importSuite(e2e: () => E2E) {
  const period = monthBefore(new Date(), 6);
  let committedKey: string | undefined;

  it("downloads the template, names wrong files, refuses row errors writing nothing, commits a good file once", {
    timeout: 120_000,
  }, async () => {
    const api = await apiSession(e2e(), USER);
    const tp = await openPage(e2e(), { lang: "vi" });
    const { page } = tp;
    tp.allow(REFUSED_DRY_RUN);
    tp.allow(TOO_LARGE);
    try {
      await signInContext(tp.context, USER);
      await page.goto(`/import?unit=${UNIT}&plan=NQ57&period=${period}`);

      // 1. The template: a real link, a good file name, an .xlsx exceljs reads.
      const link = page.getByRole("link", { name: "Tải mẫu Excel (.xlsx)" });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe(`chi-nam-${UNIT}-${period}.xlsx`);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      const { wb, rows } = await readTemplate(bytes);
      const empty = rows.filter((r) => r.current === null || r.current === undefined);
      expect(empty.length).toBeGreaterThanOrEqual(2);
      const before = await valuesAt(api, period);

      // 2. Wrong kinds: by the page (name and type), then by the server (a .docx renamed .xlsx).
      await page.getByRole("button", { name: "Đã có tệp, sang bước tải lên" }).click();
      // The file button by keyboard: focused, Enter opens the chooser (seen as the click on the
      // hidden input, the dialog itself stopped: Chromium's chooser event proved unreliable here).
      await page.evaluate(() => {
        document.querySelector("input[type=file]")?.addEventListener(
          "click",
          (e) => {
            document.body.dataset.chooser = "opened";
            e.preventDefault();
          },
          { once: true },
        );
      });
      await page.getByRole("button", { name: "Chọn tệp…" }).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.body.dataset.chooser === "opened", null, { timeout: 5_000 });
      await choose(page, "bao-cao.pdf", "application/pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));
      await page.getByText("Tệp “bao-cao.pdf” là một tài liệu PDF, không phải bảng tính Excel").waitFor();
      expect(await page.getByRole("button", { name: "Kiểm tra tệp" }).isDisabled()).toBe(true);
      await choose(page, "so-lieu.xlsx", XLSX, await fakeDocx());
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page
        .getByText("Tệp gửi lên là một tài liệu Word (.docx), không phải")
        .waitFor({ timeout: 15_000 });
      await screenshot(page, "import-wrong-kind", "vi");

      // A file over the server's limit (an .xlsx is capped at 50 MB): its size shown, its refusal
      // in the server's words. (Made in the page: Playwright hands over at most 50 MB.)
      await page.evaluate((type) => {
        const bytes = new Uint8Array(51 * 1024 * 1024);
        bytes.set([0x50, 0x4b, 0x03, 0x04]);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "qua-lon.xlsx", { type }));
        const input = document.querySelector<HTMLInputElement>("input[type=file]");
        if (!input) throw new Error("no file input");
        input.files = dt.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, XLSX);
      await page.getByText("51 MB · Bảng tính Excel").waitFor();
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page.getByText("Nội dung gửi lên vượt quá giới hạn 50 MB.").waitFor({ timeout: 15_000 });

      // 3. Row errors: the table (row, column, value, message), nothing written.
      const numeric = empty.find((r) => !/MILESTONE|_M\d/.test(r.indicator)) ?? empty[0];
      if (!numeric) throw new Error("no empty row");
      const approved = [...before].find(([, v]) => v.status === "approved" && typeof v.value === "number");
      const locked = approved ? { indicator: approved[0], value: Number(approved[1].value) } : undefined;
      await choose(page, "so-lieu-loi.csv", "text/csv", badCsv(period, numeric.indicator, locked));
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      const table = page.getByRole("region", { name: "Các dòng có lỗi" });
      await table.waitFor({ timeout: 15_000 });
      await page.getByText(`Không nhập dòng nào: ${locked ? 3 : 2} dòng có lỗi`).waitFor();
      const tile = (label: string) =>
        page.locator(".import-tile", { has: page.getByText(label, { exact: true }) }).locator("dd");
      expect(await tile("Đã khóa").textContent()).toBe(locked ? "1" : "0");
      const cells = await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
        );
      expect(cells.length).toBeGreaterThanOrEqual(2);
      expect(cells[0]?.slice(0, 3)).toEqual(["2", "Giá trị", "mười hai"]);
      expect(cells.some((c) => c[0] === "3" && c[2] === "OI_NO_SUCH_INDICATOR")).toBe(true);
      expect(await page.getByRole("button", { name: /^Ghi \d+ số liệu$/ }).count()).toBe(0);
      expect(await valuesAt(api, period)).toEqual(before);

      // 4. The template filled in (up to three empty cells), checked, then committed with a double click.
      const ws = wb.worksheets[0];
      if (!ws) throw new Error("the template has no sheet");
      const fill = empty.slice(0, 3);
      const k = fill.length;
      // Small numbers fit every bound (percentages too); a milestone's cell takes Có/Không.
      const typed = fill.map((r, i) =>
        ws.getRow(r.row).getCell(6).dataValidation?.type === "list" ? "Có" : 10 + i,
      );
      fill.forEach((r, i) => {
        ws.getRow(r.row).getCell(6).value = typed[i] ?? null;
      });
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      await page.getByRole("button", { name: "Sửa tệp và tải lại" }).click();
      await choose(page, `chi-nam-${UNIT}-${period}.xlsx`, XLSX, good);
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page
        .getByText(`Tệp hợp lệ: sẽ ghi ${k} số liệu dưới dạng bản nháp.`)
        .waitFor({ timeout: 15_000 });
      expect(await tile("Mới").textContent()).toBe(String(k));
      await screenshot(page, "import-ready", "vi");
      expect(await tile("Đã khóa").textContent()).toBe("0");
      expect(await valuesAt(api, period)).toEqual(before);

      let commits = 0;
      page.on("request", (r) => {
        if (r.method() === "POST" && r.url().includes("/observations/import?dryRun=false")) commits++;
      });
      await page.getByRole("button", { name: `Ghi ${k} số liệu` }).dblclick();
      await page.locator(".import-progress[data-phase=done]").waitFor({ timeout: 30_000 });
      await page.getByText(`Đã ghi ${k} số liệu (${k} mới, 0 thay đổi)`, { exact: false }).waitFor();
      expect(commits).toBe(1);
      const key = new URL(page.url()).searchParams.get("key");
      expect(key).toMatch(/^import-/);
      committedKey = key ?? undefined;
      const entry = page.getByRole("link", { name: "Xem số liệu trong bảng nhập liệu" });
      expect(await entry.getAttribute("href")).toBe(`/entry?unit=${UNIT}&plan=NQ57&period=${period}`);

      // A reload resumes on the commit's step with its result (the key is in the URL).
      await page.reload();
      await page.locator(".import-progress[data-phase=done]").waitFor({ timeout: 15_000 });
      await page.getByText(`Đã ghi ${k} số liệu`, { exact: false }).waitFor();

      const after = await valuesAt(api, period);
      fill.forEach((r, i) => {
        expect(after.get(r.indicator)).toEqual({
          value: typed[i] === "Có" ? true : typed[i],
          status: "draft",
        });
      });
      expect(tp.problems()).toEqual([]);
    } catch (e) {
      // Where it stopped, for whoever reads the failure (.tmp/screens/import-failure-vi-1440.png).
      await screenshot(page, "import-failure", "vi");
      throw e;
    } finally {
      await tp.close();
    }
  });

  it("wizard steps: axe, 375 px, screenshots in both languages", { timeout: 150_000 }, async () => {
    const heading = (page: Page) => page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
    await checkPage(e2e(), {
      name: "import",
      path: `/import?unit=${UNIT}&plan=NQ57&period=${period}`,
      user: USER,
      ready: async (page, lang) => {
        await heading(page);
        await page
          .getByRole("link", { name: lang === "vi" ? "Tải mẫu Excel (.xlsx)" : /Download the Excel/ })
          .waitFor();
      },
    });
    await checkPage(e2e(), {
      name: "import-errors",
      path: `/import?unit=${UNIT}&plan=NQ57&period=${period}`,
      user: USER,
      allow: [REFUSED_DRY_RUN],
      ready: async (page, lang) => {
        await heading(page);
        await page
          .getByRole("button", { name: lang === "vi" ? "Đã có tệp, sang bước tải lên" : /I have a file/ })
          .click();
        await choose(page, "so-lieu-loi.csv", "text/csv", badCsv(period, "OI_DOSSIERS_ONLINE"));
        await page.getByRole("button", { name: lang === "vi" ? "Kiểm tra tệp" : "Check the file" }).click();
        await page
          .getByRole("region", { name: lang === "vi" ? "Các dòng có lỗi" : "Rows with errors" })
          .waitFor();
      },
    });
    if (!committedKey) return;
    await checkPage(e2e(), {
      name: "import-done",
      path: `/import?unit=${UNIT}&plan=NQ57&period=${period}&key=${committedKey}`,
      user: USER,
      ready: async (page) => {
        await heading(page);
        await page.locator(".import-progress[data-phase=done]").waitFor({ timeout: 15_000 });
      },
    });
  });
}
