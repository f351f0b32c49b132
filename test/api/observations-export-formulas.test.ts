/**
 * Exports never carry spreadsheet formulas: text that starts like a formula is written with a
 * leading apostrophe in CSV and as a string cell in Excel, numbers (negative ones too) stay
 * numbers, and both exports import back unchanged. Evidence links are http(s) only.
 */
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";

const IND = "OI_DOSSIERS_ONLINE";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const hostile = [
  { period: "2025-08", value: -12.5, source: '=HYPERLINK("http://evil.example","x")', comment: "+SUM(1)" },
  { period: "2025-09", value: 3, source: "=cmd|' /C calc'!A0", comment: "@SUM(1)" },
  { period: "2025-10", value: -0.25, source: "\tleading tab", comment: "\rleading CR" },
  { period: "2025-11", value: 7, source: "- a dash", comment: "'=already quoted" },
  {
    period: "2025-12",
    value: 8,
    source: "plain; with separator",
    comment: 'with "quotes"',
    evidenceUrl: "https://dichvucong.hanoi.gov.vn/bao-cao?ky=2025-12",
  },
];

/** The parts of a ZIP archive (stored or deflated), by name: enough to look inside an .xlsx. */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    p += 46 + nameLen + extra + commentLen;
  }
  return out;
}

describe("exports carry no formulas, and import back unchanged", () => {
  let t: TestApp;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp("pglite");
    await createDemoAccounts(t.database);
    reporter = await login(t.app, "demo-reporter-hanoi");
    // Negative figures (a fall, as growth rates have) must stay numbers: let this indicator take
    // them, through the Standing Office's versioned edit (counts are bounded at 0 in the seed).
    const widened = await as(
      t.app,
      await login(t.app, "demo-standing"),
    )({
      method: "PATCH",
      url: `/api/v1/indicators/${IND}`,
      payload: { bounds: { min: -100 }, reason: "Kiểm thử số âm trong tệp xuất" },
    });
    expect(widened.statusCode, widened.body).toBe(200);
    const items = hostile.map((h) => ({ indicator: IND, unit: "HA-NOI", ...h }));
    const res = await as(
      t.app,
      reporter,
    )({ method: "POST", url: "/api/v1/observations/bulk", payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });
  const listed = async () =>
    (
      (
        await as(t.app, reporter)({ url: `/api/v1/observations?indicator=${IND}&from=2025-08&to=2025-12` })
      ).json() as {
        items: {
          period: string;
          value: number;
          source: string;
          comment: string;
          evidenceUrl: string | null;
        }[];
      }
    ).items
      .map((i) => [i.period, i.value, i.source, i.comment, i.evidenceUrl])
      .sort();
  const upload = (payload: string | Buffer, type: string) =>
    as(
      t.app,
      reporter,
    )({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": type }, payload });

  it("writes formula-like text with a leading apostrophe in CSV, numbers as they are", async () => {
    const csv = await as(
      t.app,
      reporter,
    )({ url: `/api/v1/observations/export?indicator=${IND}&from=2025-08&to=2025-12` });
    expect(csv.statusCode).toBe(200);
    const body = csv.body;
    expect(body).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(body).toContain(";'+SUM(1);");
    expect(body).toContain(";'=cmd|' /C calc'!A0;");
    expect(body).toContain(";'@SUM(1);");
    expect(body).toContain(";'\tleading tab;");
    expect(body).toContain(`;"'\rleading CR";`);
    expect(body).toContain(";'- a dash;");
    expect(body).toContain(";''=already quoted;");
    // Negative values stay numbers: no apostrophe.
    expect(body).toMatch(/;2025-08;-12\.5;/);
    expect(body).toMatch(/;2025-10;-0\.25;/);
    // No cell starts with a formula character.
    for (const line of body
      .replace(/^\ufeff/, "")
      .split("\n")
      .slice(1))
      for (const cell of line.split(";")) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
    // And the export imports back unchanged: same values, sources and comments.
    const before = await listed();
    const again = await upload(body, "text/csv");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 5, imported: 0, updated: 0, unchanged: 5 });
    expect(await listed()).toEqual(before);
  });

  it("writes text as string cells in Excel, never formulas, and imports it back unchanged", async () => {
    const xlsx = await as(
      t.app,
      reporter,
    )({ url: `/api/v1/observations/export?format=xlsx&indicator=${IND}&from=2025-08&to=2025-12` });
    expect(xlsx.statusCode).toBe(200);
    const parts = unzip(xlsx.rawPayload);
    const sheet = [...parts].find(([n]) => n.startsWith("xl/worksheets/"))?.[1] ?? "";
    expect(sheet).toContain("HYPERLINK");
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toContain('t="str"');
    // Each value is a number cell (no type attribute, or n).
    expect(sheet).toMatch(/<c r="D2"( s="\d+")?><v>-?[\d.]+<\/v><\/c>/);
    const before = await listed();
    const again = await upload(xlsx.rawPayload, XLSX);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json(), again.body).toMatchObject({ rows: 5, imported: 0, updated: 0, unchanged: 5 });
    expect(await listed()).toEqual(before);
  });

  it("strips one protecting apostrophe on import, before formula characters only", async () => {
    const csv = `indicator;unit;period;value;source;comment\n${IND};HA-NOI;2026-01;1;'=SUM(1);'plain\n`;
    expect((await upload(csv, "text/csv")).statusCode).toBe(200);
    const [v] = (
      (
        await as(t.app, reporter)({ url: `/api/v1/observations?indicator=${IND}&from=2026-01&to=2026-01` })
      ).json() as {
        items: { source: string; comment: string }[];
      }
    ).items;
    expect([v?.source, v?.comment]).toEqual(["=SUM(1)", "'plain"]);
  });

  it("accepts only http(s) evidence links, in single writes, bulk and uploads", async () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"]) {
      const put = await as(
        t.app,
        reporter,
      )({
        method: "PUT",
        url: "/api/v1/observations",
        headers: { "accept-language": "en" },
        payload: { indicator: IND, unit: "HA-NOI", period: "2026-02", value: 1, evidenceUrl: url },
      });
      expect(put.statusCode, put.body).toBe(400);
      const err = put.json() as { error: { details: { path: string; message: string }[] } };
      expect(err.error.details[0]?.path).toBe("body.evidenceUrl");
      expect(err.error.details[0]?.message).toContain("http");
    }
    const vi = await as(
      t.app,
      reporter,
    )({
      method: "PUT",
      url: "/api/v1/observations",
      headers: { "accept-language": "vi" },
      payload: {
        indicator: IND,
        unit: "HA-NOI",
        period: "2026-02",
        value: 1,
        evidenceUrl: "javascript:alert(1)",
      },
    });
    expect((vi.json() as { error: { details: { message: string }[] } }).error.details[0]?.message).toContain(
      "địa chỉ",
    );
    const ok = await as(
      t.app,
      reporter,
    )({
      method: "PUT",
      url: "/api/v1/observations",
      payload: {
        indicator: IND,
        unit: "HA-NOI",
        period: "2026-02",
        value: 1,
        evidenceUrl: "https://example.gov.vn/a",
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bulk = await as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: {
        items: [
          { indicator: IND, unit: "HA-NOI", period: "2026-03", value: 1, evidenceUrl: "ftp://x.example/a" },
        ],
      },
    });
    expect(bulk.statusCode, bulk.body).toBe(400);
    expect((bulk.json() as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      "body.items.0.evidenceUrl",
    );
    const csv = await upload(
      `indicator;unit;period;value;evidence_url\n${IND};HA-NOI;2026-03;1;javascript:alert(1)\n`,
      "text/csv",
    );
    expect(csv.statusCode, csv.body).toBe(422);
    expect((csv.json() as { errors: { row: number; column: string }[] }).errors[0]).toMatchObject({
      row: 2,
      column: "evidenceUrl",
    });
  });
});
