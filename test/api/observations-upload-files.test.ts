import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import {
  type Cell,
  DATE_STYLE,
  excelSerial,
  MONTH_STYLE,
  rowXml,
  SHEET_HEAD,
  SHEET_TAIL,
  workbook,
  workbookEntries,
  zipBuffer,
} from "../helpers/xlsx-files.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const IND = "OI_DOSSIERS_ONLINE";
const HEADER: Cell[] = ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Nguồn số liệu", "Ghi chú"];

interface Rejection {
  rows?: number;
  errors?: { row: number; column: string; message: string; messageEn: string }[];
  error: { code: string; message: string; details?: { messageEn?: string }[] };
}

/** The compressed bytes of one entry of a ZIP archive (found through its central directory). */
function _entryData(zip: Buffer, name: string): Buffer {
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return zip.subarray(start, start + zip.readUInt32LE(p + 20));
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`no ${name}`);
}

/** Rows that are all Hà Nội's monthly values of one indicator, from 2026-01 on (unique cells). */
function valueRows(n: number, first = 2): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const period = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    out.push(rowXml(first + i, [IND, "HA-NOI", period, i + 1]));
  }
  return out;
}

describe("uploads under caps (small caps configured)", () => {
  let t: TestApp;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp("pglite", {
      XLSX_MAX_MB: "2",
      XLSX_MAX_INFLATED_MB: "16",
      XLSX_MAX_ROWS: "1000",
      XLSX_MAX_SHARED_STRINGS: "500",
      CSV_MAX_ROWS: "1000",
    });
    await createDemoAccounts(t.database);
    reporter = await login(t.app, "demo-reporter-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });
  const upload = (payload: Buffer | string, type = XLSX, lang = "en", query = "?dryRun=true") =>
    as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: `/api/v1/observations/import${query}`,
      headers: { "content-type": type, "accept-language": lang },
      payload,
    });
  const timed = async (payload: Buffer | string, type = XLSX) => {
    const t0 = performance.now();
    const res = await upload(payload, type);
    return { res, ms: performance.now() - t0, body: res.json() as Rejection };
  };

  it("refuses a zip bomb whose sheet declares its true size, at once", async () => {
    const filler = Buffer.alloc(1 << 20, " ");
    const bomb = await zipBuffer(
      workbookEntries({
        sheet: function* () {
          yield SHEET_HEAD;
          for (let i = 0; i < 64; i++) yield filler;
          yield SHEET_TAIL;
        },
      }),
    );
    expect(bomb.length).toBeLessThan(1 << 20);
    const { res, ms, body } = await timed(bomb);
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("SPREADSHEET_INFLATED_TOO_LARGE");
    expect(body.error.message).toContain("16 MB");
    expect(ms).toBeLessThan(2000);
  });

  it("refuses a zip bomb that lies about its size, while inflating", async () => {
    const filler = Buffer.alloc(1 << 20, " ");
    const bomb = await zipBuffer(
      workbookEntries({
        sheetDeclaredSize: 1000,
        sheet: function* () {
          yield SHEET_HEAD;
          for (let i = 0; i < 64; i++) yield filler;
          yield SHEET_TAIL;
        },
      }),
    );
    const { res, ms, body } = await timed(bomb);
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("SPREADSHEET_INFLATED_TOO_LARGE");
    expect(ms).toBeLessThan(2000);
  });

  it("refuses a sheet of more rows than XLSX_MAX_ROWS, naming the cap", async () => {
    const file = await zipBuffer(
      workbookEntries({
        sheet: function* () {
          yield SHEET_HEAD;
          yield rowXml(1, HEADER);
          yield* valueRows(1200);
          yield SHEET_TAIL;
        },
      }),
    );
    const { res, body } = await timed(file);
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("SPREADSHEET_TOO_MANY_ROWS");
    expect(body.error.message).toContain("1000");
    const vi = await upload(file, XLSX, "vi");
    expect((vi.json() as Rejection).error.message).toMatch(/dòng/);
  });

  it("refuses more shared strings than XLSX_MAX_SHARED_STRINGS", async () => {
    const strings = Array.from({ length: 800 }, (_, i) => `chuỗi ${i}`);
    const file = await workbook([HEADER, [IND, "HA-NOI", "2026-01", 1]], strings);
    const { res, body } = await timed(file);
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("SPREADSHEET_TOO_MANY_STRINGS");
  });

  it("refuses an .xlsx over XLSX_MAX_MB", async () => {
    const big = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(3 << 20, 7)]);
    const { res, body } = await timed(big);
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message).toContain("2 MB");
  });

  it("refuses a CSV of more rows than CSV_MAX_ROWS", async () => {
    const lines = ["indicator,unit,period,value"];
    for (let i = 0; i < 1100; i++)
      lines.push(`${IND},HA-NOI,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i}`);
    const { res, body } = await timed(lines.join("\n"), "text/csv");
    expect(res.statusCode, res.body).toBe(413);
    expect(body.error.code).toBe("SPREADSHEET_TOO_MANY_ROWS");
    expect(body.error.message).toContain("1000");
  });

  it("reads shared, inline and rich strings, numbers, decimal commas, dates and booleans", async () => {
    const file = await workbook(
      [
        [{ shared: 0 }, { shared: 1 }, { shared: 2 }, { shared: 3 }, { shared: 4 }, "Ghi chú"],
        [IND, "HA-NOI", "2026-01", 171000, { rich: ["Cổng ", "DVC"] }, null],
        [{ shared: 5 }, { shared: 6 }, "2026-02", "12,5", null, "có ghi chú"],
        [IND, "HA-NOI", { date: excelSerial(2026, 3, 1), style: MONTH_STYLE }, "1.234.567", null, null],
        [IND, "HA-NOI", "2026-04", { formula: "1+1", result: 2 }, null, null],
        [IND, "HA-NOI", "2026-05", null, null, "left blank: skipped"],
        ["OBJ-GENERAL", "HA-NOI", "2026", true, null, null],
      ],
      ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Nguồn số liệu", IND, "HA-NOI"],
    );
    const res = await upload(file, XLSX, "en", "?dryRun=true");
    const body = res.json() as Rejection;
    // The objective is refused for what it is, not for its yes/no value.
    expect(body.errors?.map((e) => [e.row, e.column])).toEqual([[7, "indicator"]]);
    const noObjective = await workbook([
      HEADER,
      [IND, "HA-NOI", "2026-01", 171000, { rich: ["Cổng ", "DVC"] }, null],
      [IND, "HA-NOI", "2026-02", "12,5", null, "có ghi chú"],
      [IND, "HA-NOI", { date: excelSerial(2026, 3, 1), style: MONTH_STYLE }, "1.234.567", null, null],
      [IND, "HA-NOI", "2026-04", { formula: "1+1", result: 2 }, null, null],
    ]);
    const ok = await upload(noObjective, XLSX, "en", "");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 4, imported: 4 });
    const list = (
      await as(t.app, reporter)({ url: `/api/v1/observations?indicator=${IND}&from=2026-01&to=2026-04` })
    ).json() as { items: { period: string; value: number; source: string | null; comment: string | null }[] };
    expect(list.items.map((i) => [i.period, i.value, i.source, i.comment]).sort()).toEqual([
      ["2026-01", 171000, "Cổng DVC", null],
      ["2026-02", 12.5, null, "có ghi chú"],
      ["2026-03", 1234567, null, null],
      ["2026-04", 2, null, null],
    ]);
  });

  it("names an error cell such as #DIV/0! as an error cell, and a date where a number belongs", async () => {
    const file = await workbook([
      HEADER,
      [IND, "HA-NOI", "2026-06", { error: "#DIV/0!" }, null, null],
      [IND, "HA-NOI", "2026-07", { date: excelSerial(2026, 7, 15), style: DATE_STYLE }, null, null],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as Rejection;
    expect(body.errors?.map((e) => [e.row, e.column])).toEqual([
      [2, "value"],
      [3, "value"],
    ]);
    expect(body.errors?.[0]?.messageEn).toContain("#DIV/0!");
    expect(body.errors?.[0]?.messageEn).toContain("error");
    expect(body.errors?.[0]?.messageEn).not.toContain("object");
    expect(body.errors?.[1]?.messageEn).toContain("2026-07-15");
    const vi = await upload(file, XLSX, "vi");
    expect((vi.json() as Rejection).errors?.[0]?.message).toContain("ô lỗi");
  });

  it("names the kind of a file that is not an .xlsx (a PDF, an old .xls, garbage)", async () => {
    const pdf = await upload(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"));
    expect(pdf.statusCode, pdf.body).toBe(422);
    expect((pdf.json() as Rejection).error.code).toBe("WRONG_FILE_KIND");
    expect((pdf.json() as Rejection).error.message).toContain("PDF");
    const xls = await upload(
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    expect(xls.statusCode).toBe(422);
    expect((xls.json() as Rejection).error.code).toBe("WRONG_FILE_KIND");
    expect((xls.json() as Rejection).error.message).toContain(".xls");
    const zip = await upload(await zipBuffer([{ name: "readme.txt", data: () => ["hello"] }]));
    expect(zip.statusCode).toBe(422);
    expect((zip.json() as Rejection).error.code).toBe("WRONG_FILE_KIND");
    expect((zip.json() as Rejection).error.message).toContain("ZIP archive without a workbook");
    // A Word document renamed .xlsx (its package names word/document.xml as the main part).
    const docx = await upload(
      await zipBuffer([
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
    expect(docx.statusCode, docx.body).toBe(422);
    expect((docx.json() as Rejection).error.message).toContain("a Word document (.docx)");
    // An .xlsx sent as CSV is named too, rather than read as 0 rows of noise.
    const asCsv = await upload(await workbook([HEADER]), "text/csv");
    expect(asCsv.statusCode, asCsv.body).toBe(422);
    expect((asCsv.json() as Rejection).error.code).toBe("WRONG_FILE_KIND");
    expect((asCsv.json() as Rejection).error.message).toContain(".xlsx");
  });

  it("reads a UTF-16 CSV with a byte-order mark (little and big endian)", async () => {
    const text = `mã chỉ tiêu;mã đơn vị;kỳ;giá trị;ghi chú\n${IND};HA-NOI;2026-08;12,5;Số liệu Hà Nội\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const res = await upload(le, "text/csv");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, imported: 1 });
    const swapped = Buffer.from(text, "utf16le").swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]);
    const resBe = await upload(be, "text/csv");
    expect(resBe.statusCode, resBe.body).toBe(200);
    expect(resBe.json()).toMatchObject({ rows: 1, imported: 1 });
    // Without a byte-order mark it cannot be told apart reliably: refused, saying so.
    const bare = await upload(Buffer.from(text, "utf16le"), "text/csv");
    expect(bare.statusCode, bare.body).toBe(422);
    expect((bare.json() as Rejection).error.code).toBe("CSV_ENCODING_UNSUPPORTED");
    expect((bare.json() as Rejection).error.message).toContain("UTF-8");
  });

  it("names the row of an unterminated quote in a CSV", async () => {
    const csv = `indicator,unit,period,value,comment\n${IND},HA-NOI,2026-09,1,ok\n${IND},HA-NOI,2026-10,2,"no end\n${IND},HA-NOI,2026-11,3,x\n`;
    const res = await upload(csv, "text/csv");
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as Rejection;
    expect(body.error.code).toBe("CSV_MALFORMED");
    expect(body.error.message).toContain("3");
    expect(body.error.message).toMatch(/quote/i);
    expect(body.errors?.[0]?.row).toBe(3);
    const vi = await upload(csv, "text/csv", "vi");
    expect((vi.json() as Rejection).error.message).toMatch(/Dòng 3|dòng 3/);
  });
});

describe("a zip bomb against the default caps", () => {
  let t: TestApp;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp("pglite");
    await createDemoAccounts(t.database);
    reporter = await login(t.app, "demo-reporter-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a ~5 MB file inflating to 1 GB, with memory bounded", async () => {
    const filler = Buffer.alloc(1 << 20, " ");
    const bomb = await zipBuffer(
      workbookEntries({
        sheetDeclaredSize: 4096,
        sheet: function* () {
          yield SHEET_HEAD;
          for (let i = 0; i < 1024; i++) yield filler;
          yield SHEET_TAIL;
        },
      }),
    );
    const rss0 = process.memoryUsage().rss;
    const res = await as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": XLSX },
      payload: bomb,
    });
    expect(res.statusCode, res.body).toBe(413);
    expect((res.json() as Rejection).error.code).toBe("SPREADSHEET_INFLATED_TOO_LARGE");
    // How soon it is refused is measured by `npm run bench:exhaustion`, not asserted here.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(256 * 1024 * 1024);
  });
});
