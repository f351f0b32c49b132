import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Summary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  replayed: boolean;
  dryRun: boolean;
  errors: { row: number; column: string; message: string; messageEn: string }[];
  error?: { code: string; message: string };
}

const IND = "OI_DOSSIERS_ONLINE";
const row = (period: string, value: number, unit = "HA-NOI") => ({ indicator: IND, unit, period, value });

describe.each(backends())("bulk import of values on %s", (backend) => {
  let t: TestApp;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    reporter = await login(t.app, "demo-reporter-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });
  const bulk = (items: unknown[], headers: Record<string, string> = {}, query = "") =>
    as(
      t.app,
      reporter,
    )({ method: "POST", url: `/api/v1/observations/bulk${query}`, payload: { items }, headers });
  const count = async () =>
    (
      (await as(t.app, reporter)({ url: `/api/v1/observations?indicator=${IND}&limit=1000` })).json() as {
        total: number;
      }
    ).total;

  it("checks only in a dry run, writing nothing", async () => {
    const res = await bulk([row("2026-01", 10), row("2026-02", 11)], {}, "?dryRun=true");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, imported: 2, dryRun: true });
    expect(await count()).toBe(0);
  });

  it("imports all rows, and a retry with the same key neither doubles nor changes anything", async () => {
    const items = [row("2026-01", 10), row("2026-02", 11), row("2026-03", 12)];
    const first = await bulk(items, { "idempotency-key": "hanoi-2026-q1-upload" });
    expect(first.json()).toMatchObject({ rows: 3, imported: 3, updated: 0, unchanged: 0, replayed: false });
    const retry = await bulk(items, { "idempotency-key": "hanoi-2026-q1-upload" });
    expect(retry.json()).toMatchObject({ imported: 3, replayed: true });
    expect(await count()).toBe(3);
    const conflict = await bulk([row("2026-01", 99)], { "idempotency-key": "hanoi-2026-q1-upload" });
    expect(conflict.statusCode).toBe(409);
    const again = await bulk([row("2026-01", 10), row("2026-02", 15)]);
    expect(again.json()).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });
  });

  it("answers the same upload sent twice at once like a retry, writing it once", async () => {
    const items = [row("2025-08", 5), row("2025-09", 6), row("2025-10", 7)];
    const key = { "idempotency-key": "hanoi-2025-q3-twice" };
    const [a, b] = await Promise.all([bulk(items, key), bulk(items, key)]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    expect([a.json().replayed, b.json().replayed].sort()).toEqual([false, true]);
    expect(a.json().imported).toBe(3);
    expect(b.json().imported).toBe(3);
    const list = await as(
      t.app,
      reporter,
    )({ url: `/api/v1/observations?indicator=${IND}&from=2025-08&to=2025-10` });
    expect(list.json().total).toBe(3);
  });

  it("reports an upload's progress by its idempotency key, to its uploader only", async () => {
    const lines = ["indicator,unit,period,value"];
    // Twelve past months, 2025-07 … 2026-06 (future periods are refused).
    for (let m = 0; m < 12; m++) {
      const month = 7 + m;
      const period = `${month > 12 ? 2026 : 2025}-${String(((month - 1) % 12) + 1).padStart(2, "0")}`;
      lines.push(`${IND},HA-NOI,${period},${1000 + m}`);
    }
    const res = await as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": "text/csv", "idempotency-key": "progress-test-2027" },
      payload: lines.join("\n"),
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = await as(t.app, reporter)({ url: "/api/v1/observations/imports/progress-test-2027" });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ phase: "done", done: 12, total: 12 });
    const other = await login(t.app, "demo-reporter-hcm");
    expect(
      (await as(t.app, other)({ url: "/api/v1/observations/imports/progress-test-2027" })).statusCode,
    ).toBe(404);
  });

  it("writes nothing when any row is wrong, naming each row, column and what is expected", async () => {
    const before = await count();
    const res = await bulk([row("2026-04", 13), row("2026-Q2", 14), row("2026-04", 16)], {
      "accept-language": "en",
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as Summary;
    expect(body.error?.code).toBe("IMPORT_REJECTED");
    expect(body.error?.message).toBe("Nothing was imported: 2 row(s) have errors. Fix them and send again.");
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "period"],
      [3, "period"],
    ]);
    expect(body.errors[0]?.message).toMatch(
      /^Dòng 2, cột period: chỉ tiêu báo cáo theo tháng, kỳ phải có dạng/,
    );
    expect(body.errors[1]?.messageEn).toContain("the same value cell as row 1");
    // A row of another unit refuses the whole import as a matter of access, naming the row.
    const other = await bulk([row("2026-04", 13), row("2026-05", 15, "HO-CHI-MINH")], {
      "accept-language": "en",
    });
    expect(other.statusCode).toBe(403);
    const refused = other.json() as { error: { code: string; details: { messageEn: string }[] } };
    expect(refused.error.details[0]?.messageEn).toBe(
      "Row 2, column unit: the “OI_DOSSIERS_ONLINE” value of “HO-CHI-MINH” is reported by Ho Chi Minh City (HO-CHI-MINH)",
    );
    expect(await count()).toBe(before);
  });
});

describe("CSV upload of values", () => {
  it("reads Vietnamese headers and number formats, refuses ambiguous numbers and names the row", async () => {
    const t = await testApp("pglite");
    try {
      await createDemoAccounts(t.database);
      const reporter = await login(t.app, "demo-reporter-hanoi");
      const upload = (csv: string, lang = "vi") =>
        as(
          t.app,
          reporter,
        )({
          method: "POST",
          url: "/api/v1/observations/import",
          headers: { "content-type": "text/csv", "accept-language": lang },
          payload: csv,
        });
      const good =
        "\ufeffmã chỉ tiêu;mã đơn vị;kỳ;giá trị;nguồn\nOI_DOSSIERS_ONLINE;HA-NOI;2026-07;152300;Cổng DVC Hà Nội\nOI_DOSSIERS_ONLINE;HA-NOI;2026-08;1.234.567;\nOI_DOSSIERS_ONLINE;HA-NOI;2026-09;12,5;\n";
      const ok = await upload(good);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ rows: 3, imported: 3 });
      const list = (
        await as(
          t.app,
          reporter,
        )({ url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE&from=2026-07&to=2026-09" })
      ).json() as { items: { period: string; value: number }[] };
      expect(list.items.map((i) => [i.period, i.value]).sort()).toEqual([
        ["2026-07", 152300],
        ["2026-08", 1234567],
        ["2026-09", 12.5],
      ]);
      const bad = await upload(
        'indicator,unit,period,value\nOI_DOSSIERS_ONLINE,HA-NOI,2026-10,"1,234"\nOI_DOSSIERS_ONLINE,HA-NOI,2026-13,abc\nOI_DOSSIERS_ONLINE,HA-NOI,2026-12,7\n',
        "en",
      );
      expect(bad.statusCode).toBe(422);
      const body = bad.json() as {
        errors: { row: number; column: string; messageEn: string }[];
        imported: number;
      };
      // Every problem of a row at once: row 3 has an unreadable value and a month 13.
      expect(body.errors.map((e) => [e.row, e.column])).toEqual([
        [2, "value"],
        [3, "value"],
        [3, "period"],
      ]);
      expect(body.errors[0]?.messageEn).toContain("reads two ways");
      const after = (
        await as(
          t.app,
          reporter,
        )({ url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE&from=2026-10&to=2026-12" })
      ).json() as { total: number };
      expect(after.total).toBe(0);
      const missing = await upload("indicator;unit;value\nOI_DOSSIERS_ONLINE;HA-NOI;1\n");
      expect((missing.json() as { errors: { column: string }[] }).errors[0]?.column).toBe("period");
    } finally {
      await t.close();
    }
  });
});

describe("Excel template and upload", () => {
  it("downloads a template for the unit and period, and imports it back once filled", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const t = await testApp("pglite");
    try {
      await createDemoAccounts(t.database);
      const reporter = await login(t.app, "demo-reporter-hanoi");
      const res = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/template.xlsx?unit=HA-NOI&period=2026-10" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.getRow(1).getCell(1).value).toBe("Mã chỉ tiêu");
      const codes: string[] = [];
      ws?.eachRow((row, n) => {
        if (n > 1) codes.push(String(row.getCell(1).value));
      });
      expect(codes).toContain("OI_DOSSIERS_ONLINE");
      expect(codes.every((c) => c.startsWith("OI_"))).toBe(true);
      // Fill two values the way people do: a number cell and a Vietnamese-formatted text.
      ws?.eachRow((row, n) => {
        if (n === 1) return;
        const code = String(row.getCell(1).value);
        if (code === "OI_DOSSIERS_ONLINE") {
          row.getCell(6).value = 171000;
          row.getCell(7).value = "Cổng DVC thành phố";
          row.getCell(8).value = "số liệu tạm tính";
        }
        if (code === "OI_DOSSIERS_TOTAL") row.getCell(6).value = "180.250,0";
      });
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const up = await as(
        t.app,
        reporter,
      )({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: filled,
      });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json()).toMatchObject({ imported: 2 });
      // The template of the same period again carries the values with their source and comment:
      // sent back untouched, it changes nothing (an approved value would otherwise be "changed",
      // its source emptied, and refused as locked).
      const again = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/template.xlsx?unit=HA-NOI&period=2026-10" });
      const back = await as(
        t.app,
        reporter,
      )({
        method: "POST",
        url: "/api/v1/observations/import?dryRun=true",
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: again.rawPayload,
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
      // Every row of a template is a cell the unit reports: filled whole, it is accepted (a
      // quarter's template once listed national statistics another body reports: a 403).
      const quarter = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/template.xlsx?unit=HA-NOI&period=2026-Q2" });
      expect(quarter.statusCode).toBe(200);
      const qwb = new ExcelJS.Workbook();
      await qwb.xlsx.load(quarter.rawPayload as unknown as ArrayBuffer);
      let filledRows = 0;
      qwb.worksheets[0]?.eachRow((row, n) => {
        if (n === 1) return;
        // A milestone's cell offers Có/Không; any other takes a number.
        const list = row.getCell(6).dataValidation?.type === "list";
        row.getCell(6).value = list ? "Có" : 1;
        filledRows++;
      });
      expect(filledRows).toBeGreaterThan(0);
      const all = await as(
        t.app,
        reporter,
      )({
        method: "POST",
        url: "/api/v1/observations/import?dryRun=true",
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from(await qwb.xlsx.writeBuffer()),
      });
      expect(all.statusCode, all.body).toBe(200);
      expect(all.json()).toMatchObject({ rows: filledRows, rejected: 0 });
      const other = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/template.xlsx?unit=HO-CHI-MINH&period=2026-10" });
      expect(other.statusCode).toBe(403);
      const notExcel = await as(
        t.app,
        reporter,
      )({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from("not a zip"),
      });
      expect(notExcel.statusCode).toBe(422);
      expect((notExcel.json() as { errors: { messageEn: string }[] }).errors[0]?.messageEn).toContain(
        "not a valid .xlsx file",
      );
    } finally {
      await t.close();
    }
  });
});

describe("export of values", () => {
  it("exports what the caller may read as CSV that imports back unchanged, and as Excel", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const t = await testApp("pglite");
    try {
      await createDemoAccounts(t.database);
      const reporter = await login(t.app, "demo-reporter-hanoi");
      const items = [
        { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-01", value: 1.234 },
        {
          indicator: "OI_DOSSIERS_ONLINE",
          unit: "HA-NOI",
          period: "2026-02",
          value: 152300,
          comment: 'có dấu ; và "ngoặc"',
        },
      ];
      expect(
        (await as(t.app, reporter)({ method: "POST", url: "/api/v1/observations/bulk", payload: { items } }))
          .statusCode,
      ).toBe(200);
      const csv = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE" });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const lines = csv.body
        .replace(/^\ufeff/, "")
        .trim()
        .split("\n");
      expect(lines[0]).toBe(
        "mã chỉ tiêu;mã đơn vị;kỳ;giá trị;trạng thái;nguồn;ghi chú;minh chứng;phiên bản;cập nhật",
      );
      expect(lines).toHaveLength(3);
      expect(csv.body).toContain("1.2340");
      // The public sees none of these drafts.
      const anon = await t.app.inject({ url: "/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE" });
      expect(
        anon.body
          .replace(/^\ufeff/, "")
          .trim()
          .split("\n"),
      ).toHaveLength(1);
      // The export reads back through the import as unchanged values.
      const again = await as(
        t.app,
        reporter,
      )({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "text/csv" },
        payload: csv.body,
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ imported: 0, unchanged: 2 });
      const xlsx = await as(
        t.app,
        reporter,
      )({ url: "/api/v1/observations/export?format=xlsx&indicator=OI_DOSSIERS_ONLINE" });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.rowCount).toBe(3);
    } finally {
      await t.close();
    }
  });
});
