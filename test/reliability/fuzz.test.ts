/**
 * Fuzzing through HTTP (fast-check, thousands of cases): random CSV and Excel uploads and random
 * formulas never give a 5xx or crash the server; every refusal names its error (a stable code,
 * and for uploads the row and column).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";

interface Body {
  rows?: number;
  errors?: { row: number; column: string; message: string }[];
  error?: { code: string; message: string };
}

const tokens = [
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "HA-NOI",
  "HO-CHI-MINH",
  "VN",
  "2026-03",
  "2026-Q1",
  "2026-13",
  "1.234,5",
  "1,234.5",
  "1.234",
  "-0",
  "1e309",
  "NaN",
  "có",
  "không",
  "true",
  "",
  " ",
  '"',
  '""',
  "=1+1",
  "\u0000",
  "Hà Nội",
  "mã chỉ tiêu",
  "indicator",
  "unit",
  "period",
  "value",
  "giá trị",
];
const cell = fc.oneof(
  fc.constantFrom(...tokens),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
);
const quote = (s: string) => (/[",;\t\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const formulaToken = fc.constantFrom(
  "OI_RD_EXPENDITURE",
  "OI_GDP",
  "[T30-A02]",
  "K_RD_GDP",
  "NOPE",
  "sum(",
  "cagr(",
  "growth(",
  "avg(",
  ")",
  "(",
  ",",
  "+",
  "-",
  "*",
  "/",
  "100",
  "0",
  "1e3",
  "[",
  "]",
  " ",
  "eval",
  "constructor",
  "__proto__",
  "\u00a0",
  "Σ",
);

/** Runs of one property split over `parts` tests (fresh random cases each), none of them long. */
const parts = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("fuzzed uploads and formulas over HTTP", () => {
  let t: TestApp;
  let reporter: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp("pglite", { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    reporter = await login(t.app, "demo-reporter-hanoi");
    admin = await login(t.app, "demo-admin");
  });
  afterAll(async () => {
    await t?.close();
  });

  const named = (status: number, body: Body) => {
    expect(status).toBeLessThan(500);
    if (status === 200) expect(typeof body.rows).toBe("number");
    else if (body.errors && body.errors.length > 0)
      for (const e of body.errors) {
        expect(typeof e.row).toBe("number");
        expect(e.message.length).toBeGreaterThan(0);
      }
    else expect(body.error?.code).toMatch(/^[A-Z_]+$/);
  };

  it.each(parts(5))("never fails on random CSV (runs, part %i of 5)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { minLength: 0, maxLength: 8 }),
        fc.constantFrom(",", ";", "\t"),
        fc.boolean(),
        async (rows, sep, header) => {
          const lines = rows.map((r) => r.map(quote).join(sep));
          if (header) lines.unshift(["indicator", "unit", "period", "value"].join(sep));
          const res = await as(
            t.app,
            reporter,
          )({
            method: "POST",
            url: "/api/v1/observations/import?dryRun=true",
            headers: { "content-type": "text/csv" },
            payload: lines.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0]),
          });
          named(res.statusCode, res.json() as Body);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(parts(4))("never fails on random Excel workbooks (runs, part %i of 4)", async () => {
    const xlsxCell = fc.oneof(
      cell,
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.constant(null),
      fc.constant({ formula: "1/0" }),
      fc.constant({ error: "#N/A" }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(xlsxCell, { maxLength: 6 }), { maxLength: 6 }),
        fc.boolean(),
        async (rows, header) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet(header ? "Số liệu" : "x");
          if (header) ws.addRow(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"]);
          for (const r of rows) ws.addRow(r as unknown[]);
          const buf = Buffer.from(await wb.xlsx.writeBuffer());
          const res = await as(
            t.app,
            reporter,
          )({
            method: "POST",
            url: "/api/v1/observations/import?dryRun=true",
            headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            payload: buf,
          });
          named(res.statusCode, res.json() as Body);
        },
      ),
      { numRuns: 50 },
    );
    // Not a workbook at all.
    const junk = await as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: "/api/v1/observations/import?dryRun=true",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      payload: Buffer.from("PK\u0003\u0004 not really a zip"),
    });
    named(junk.statusCode, junk.json() as Body);
  });

  it.each(parts(3))(
    "never fails on random text in JSON fields and query strings, and names the field (runs, part %i of 3)",
    async () => {
      const text = fc.oneof(
        fc.string({ unit: "binary", maxLength: 16 }),
        fc.constantFrom(
          "\ud800",
          "a\udc00",
          "\u0000",
          "Hà Nội".normalize("NFD"),
          " 2026-12",
          "2026-12\n",
          "0000",
          "9999-12",
          "2201",
          "x".repeat(5000),
        ),
        fc.constantFrom("OI_DOSSIERS_ONLINE", "HA-NOI", "2026-03", "2026"),
      );
      // Every byte percent-encoded (encodeURIComponent refuses lone surrogates; a client sends U+FFFD).
      const enc = (v: string) =>
        [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
      const field = fc.constantFrom(
        "indicator",
        "unit",
        "period",
        "source",
        "comment",
        "evidenceUrl",
        "extra",
      );
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(field, fc.oneof(text, fc.double(), fc.boolean())),
          text,
          async (body, q) => {
            const item = {
              indicator: "OI_DOSSIERS_ONLINE",
              unit: "HA-NOI",
              period: "2026-03",
              value: 1,
              ...body,
            };
            const answers = [
              await as(
                t.app,
                reporter,
              )({
                method: "PUT",
                url: "/api/v1/observations",
                payload: JSON.stringify(item),
                headers: { "content-type": "application/json" },
              }),
              await as(
                t.app,
                reporter,
              )({
                method: "POST",
                url: "/api/v1/observations/bulk?dryRun=true",
                payload: JSON.stringify({ items: [item] }),
                headers: { "content-type": "application/json" },
              }),
              await as(t.app, null)({ url: `/api/v1/observations?from=${enc(q)}` }),
              await as(t.app, null)({ url: `/api/v1/org-units?q=${enc(q)}` }),
              await as(t.app, null)({ url: `/api/v1/indicators/T30-A02/breakdown?period=${enc(q)}` }),
            ];
            for (const res of answers) {
              expect(res.statusCode, res.body).toBeLessThan(500);
              if (res.statusCode === 400) {
                const e = (res.json() as { error: { details?: { path?: string }[] } }).error;
                expect(e.details?.[0]?.path, res.body).toBeTruthy();
              }
            }
          },
        ),
        { numRuns: 50 },
      );
    },
  );

  it.each(parts(4))("never fails on random formulas, and names the error (runs, part %i of 4)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(formulaToken, { maxLength: 12 }).map((x) => x.join("")),
          fc.string({ maxLength: 40 }),
        ),
        async (formula) => {
          const res = await as(
            t.app,
            admin,
          )({
            method: "PATCH",
            url: "/api/v1/indicators/K_RD_GDP",
            payload: { formula, reason: "Fuzzing the formula checker" },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 200) expect((res.json() as Body).error?.code).toMatch(/^[A-Z_]+$/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
