/**
 * Loose input is refused or made canonical at the edge (issue 10, item 10): padded periods,
 * unknown fields, text without length limits, decomposed Unicode, an unknown indicator on
 * `compare`, Vietnamese in English messages, errors without details, and Node's own 431.
 */
import { connect } from "node:net";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { type LoggedApp, loggedApp } from "../helpers/logged-app.js";

interface Detail {
  path?: string;
  message: string;
  messageEn?: string;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Detail[]; requestId: string };
}

const IND = "OI_DOSSIERS_ONLINE";
const NFD_HANOI = "Hà Nội".normalize("NFD");
/** Letters only Vietnamese uses (with its tone marks); English text has none of them. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** English text may quote the user's own words (“Hà Nội”): those are not the message's language. */
const unquoted = (s: string) => s.replace(/“[^”]*”/g, "“…”").replace(/"[^"]*"/g, '"…"');

describe.each(backends())("loose input on %s", (backend) => {
  let t: LoggedApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await loggedApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of ["demo-standing", "demo-reporter-hanoi", "demo-approver-hanoi", "demo-admin"])
      s[u] = await login(t.app, u);
    t.takeErrors();
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);
  const put = (payload: Record<string, unknown>, lang = "vi") =>
    req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      headers: { "accept-language": lang },
      payload,
    });
  const paths = (res: { body: string }) =>
    ((JSON.parse(res.body) as ErrorBody).error.details ?? []).map((d) => d.path);

  describe("periods", () => {
    it.each([" 2026-12", "2026-12\n", "2026-12 ", "\t2026"])(
      "refuses the padded period %j on write",
      async (period) => {
        const res = await put({ indicator: IND, unit: "HA-NOI", period, value: 7 });
        expect(res.statusCode, res.body).toBe(400);
        expect(paths(res)).toEqual(["body.period"]);
        const bulk = await req("demo-approver-hanoi")({
          method: "POST",
          url: "/api/v1/observations/bulk?submit=true",
          payload: { items: [{ indicator: IND, unit: "HA-NOI", period, value: 7 }] },
        });
        expect(bulk.statusCode, bulk.body).toBe(400);
        expect(paths(bulk)).toEqual(["body.items.0.period"]);
        const stored = await req("demo-reporter-hanoi")({
          url: `/api/v1/observations?indicator=${IND}&unit=HA-NOI`,
        });
        expect((stored.json() as { items: { period: string }[] }).items.map((i) => i.period)).not.toContain(
          period,
        );
      },
    );

    it("refuses a padded period filter instead of ignoring it", async () => {
      for (const url of [
        "/api/v1/observations?from=%202026-12",
        "/api/v1/observations?to=2026-12%0A",
        "/api/v1/observations/export?from=%202026-12",
        `/api/v1/indicators/${IND}/series?unit=HA-NOI&from=%202026-12`,
        `/api/v1/indicators/${IND}/breakdown?period=2026-12%20`,
      ]) {
        const res = await req("demo-reporter-hanoi")({ url });
        expect(res.statusCode, url).toBe(400);
        expect(
          paths(res).some((p) => /^querystring\.(from|to|period)$/.test(p ?? "")),
          url,
        ).toBe(true);
      }
    });

    it("names both range ends, with details, when they are of different kinds", async () => {
      const res = await req(null)({
        url: "/api/v1/observations?from=2026-01&to=2026",
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(body.error.details?.map((d) => d.path)).toEqual(["querystring.from", "querystring.to"]);
      for (const d of body.error.details ?? []) {
        expect(d.messageEn).toMatch(/same kind/);
        expect(d.message).toMatch(/same kind/);
      }
      const vi = await req(null)({ url: "/api/v1/observations/export?from=2026-01&to=2026" });
      expect((vi.json() as ErrorBody).error.details?.[0]?.message).toMatch(/cùng loại/);
    });
  });

  describe("unknown fields", () => {
    it("refuses PATCH /users/{id} {disabled: true} by name, and changes nothing", async () => {
      const list = await req("demo-admin")({ url: "/api/v1/users?q=demo-reporter-hcm" });
      const user = (list.json() as { items: { id: string; status: string }[] }).items[0];
      expect(user?.status).toBe("active");
      for (const lang of ["vi", "en"]) {
        const res = await req("demo-admin")({
          method: "PATCH",
          url: `/api/v1/users/${user?.id}`,
          headers: { "accept-language": lang },
          payload: { disabled: true, displayName: "Đổi tên" },
        });
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json() as ErrorBody;
        expect(body.error.code).toBe("VALIDATION_FAILED");
        expect(body.error.details).toEqual([
          {
            path: "body.disabled",
            message: expect.stringContaining("disabled"),
            messageEn: expect.stringMatching(/unknown field “disabled”/),
          },
        ]);
        expect(body.error.message).toContain("disabled");
        if (lang === "vi") expect(body.error.message).toMatch(/không có trường “disabled”/);
        else expect(body.error.message).toMatch(/unknown field “disabled”/);
      }
      const after = await req("demo-admin")({ url: `/api/v1/users/${user?.id}` });
      expect(after.json()).toMatchObject({
        status: "active",
        displayName: expect.not.stringContaining("Đổi"),
      });
    });

    it("lists every unknown field, nested ones by their path, in bodies and query strings", async () => {
      const res = await put({
        indicator: IND,
        unit: "HA-NOI",
        period: "2026-11",
        value: 1,
        note: "x",
        vale: 2,
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res).sort()).toEqual(["body.note", "body.vale"]);
      const nested = await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/org-units/HA-NOI",
        payload: { name: { vi: "Hà Nội", fr: "Hanoï" } },
      });
      expect(nested.statusCode, nested.body).toBe(400);
      expect(paths(nested)).toEqual(["body.name.fr"]);
      const query = await req(null)({ url: "/api/v1/org-units?kind=province&kinds=city&sort=name" });
      expect(query.statusCode).toBe(400);
      expect(paths(query).sort()).toEqual(["querystring.kinds", "querystring.sort"]);
      const dashboard = await req(null)({ url: `/api/v1/indicators/${IND}/series?unti=HA-NOI` });
      expect(paths(dashboard)).toEqual(["querystring.unti"]);
    });

    it("still takes pagination and leaves headers alone", async () => {
      const first = await req(null)({
        url: "/api/v1/org-units?kind=province&limit=5",
        headers: { "x-anything": "1", "x-forwarded-for": "10.0.0.1" },
      });
      expect(first.statusCode, first.body).toBe(200);
      const cursor = (first.json() as { nextCursor: string }).nextCursor;
      const next = await req(null)({ url: `/api/v1/org-units?kind=province&limit=5&cursor=${cursor}` });
      expect(next.statusCode, next.body).toBe(200);
    });
  });

  describe("length limits", () => {
    it("refuses a 1 MB org-unit name, and a name one character over 500", async () => {
      const huge = await req("demo-standing")({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: "T-HUGE", kind: "agency", name: { vi: "x".repeat(1_000_000) } },
      });
      expect(huge.statusCode, huge.body.slice(0, 300)).toBe(400);
      expect(paths(huge)).toEqual(["body.name.vi"]);
      const bare = await req("demo-standing")({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: "T-HUGE", kind: "agency", name: "x".repeat(501) },
      });
      expect(bare.statusCode).toBe(400);
      expect(paths(bare)).toEqual(["body.name"]);
      expect((bare.json() as ErrorBody).error.details?.[0]?.messageEn).toMatch(/500/);
      const over = await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/org-units/HA-NOI",
        payload: { name: { vi: "x".repeat(501) } },
      });
      expect(paths(over)).toEqual(["body.name.vi"]);
      const listed = await req(null)({ url: "/api/v1/org-units?q=xxxxxxxxxx" });
      expect((listed.json() as { total: number }).total).toBe(0);
      const ok = await req("demo-standing")({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: "T-LONG", kind: "agency", name: { vi: "x".repeat(500) } },
      });
      expect(ok.statusCode, ok.body).toBe(201);
    });

    it("bounds comments, reasons, codes and URLs", async () => {
      const base = { indicator: IND, unit: "HA-NOI", period: "2026-11", value: 1 };
      expect(paths(await put({ ...base, comment: "c".repeat(4001) }))).toEqual(["body.comment"]);
      expect(paths(await put({ ...base, evidenceUrl: `https://x.vn/${"a".repeat(2000)}` }))).toEqual([
        "body.evidenceUrl",
      ]);
      expect(paths(await put({ ...base, indicator: "I".repeat(65) }))).toEqual(["body.indicator"]);
      const reason = await req("demo-standing")({
        method: "DELETE",
        url: `/api/v1/indicators/${IND}?reason=${"r".repeat(2001)}`,
      });
      expect(paths(reason)).toEqual(["querystring.reason"]);
    });

    it("bounds the text of a plan-definition file", async () => {
      const res = await req("demo-admin")({
        method: "POST",
        url: "/api/v1/plans?dryRun=true",
        headers: { "content-type": "application/yaml", "accept-language": "en" },
        payload: [
          "code: NQ-LONG",
          `name: ${"N".repeat(501)}`,
          "startYear: 2025",
          "endYear: 2030",
          "systems:",
          "  - code: S1",
          "    number: 1",
          `    name: { vi: "${"s".repeat(501)}" }`,
          `    mainContent: "${"m".repeat(10_001)}"`,
        ].join("\n"),
      });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe("PLAN_DEFINITION_INVALID");
      expect(paths(res).sort()).toEqual(["name", "systems.0.mainContent", "systems.0.name.vi"]);
      // A bare string is refused as a string (too long), not as "not an object".
      const name = body.error.details?.find((d) => d.path === "name");
      expect(name?.messageEn).toMatch(/Line 2: name: .*500/);
      const unknown = await req("demo-admin")({
        method: "POST",
        url: "/api/v1/plans?dryRun=true",
        headers: { "content-type": "application/yaml" },
        payload:
          "code: NQ-X\nname: Thử\nstartYear: 2025\nendYear: 2030\ncolour: đỏ\nsystems:\n  - { code: S1, number: 1, name: A, owner: X }\n",
      });
      expect(unknown.statusCode).toBe(422);
      expect(paths(unknown).sort()).toEqual(["colour", "systems.0.owner"]);
      expect((unknown.json() as ErrorBody).error.details?.find((d) => d.path === "colour")?.message).toMatch(
        /^Dòng 5: colour: không có trường “colour”/,
      );
    });
  });

  describe("Unicode NFC", () => {
    it("finds a decomposed “Hà Nội”", async () => {
      const res = await req(null)({ url: `/api/v1/org-units?q=${encodeURIComponent(NFD_HANOI)}` });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { items: { code: string }[] }).items.map((i) => i.code)).toContain("HA-NOI");
    });

    it("stores JSON text in NFC", async () => {
      const created = await req("demo-standing")({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: "T-NFD", kind: "agency", name: { vi: `Sở ${NFD_HANOI}` } },
      });
      expect(created.statusCode, created.body).toBe(201);
      const unit = (await req(null)({ url: "/api/v1/org-units/T-NFD" })).json() as { name: { vi: string } };
      expect(unit.name.vi).toBe("Sở Hà Nội".normalize("NFC"));
      expect(unit.name.vi).not.toBe(`Sở ${NFD_HANOI}`);
    });

    it("stores uploaded CSV and Excel text in NFC", async () => {
      const csv = await req("demo-reporter-hanoi")({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "text/csv" },
        payload: `indicator;unit;period;value;comment\n${IND};HA-NOI;2026-05;11;Ghi chú ${NFD_HANOI}\n`,
      });
      expect(csv.statusCode, csv.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Số liệu");
      ws.addRow(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Ghi chú"]);
      ws.addRow([IND, "HA-NOI", "2026-06", 12, `Ghi chú ${NFD_HANOI}`]);
      const xlsx = await req("demo-reporter-hanoi")({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      const read = await req("demo-reporter-hanoi")({
        url: `/api/v1/observations?indicator=${IND}&unit=HA-NOI&from=2026-05&to=2026-06`,
      });
      const comments = (read.json() as { items: { comment: string | null }[] }).items.map((i) => i.comment);
      expect(comments).toEqual(["Ghi chú Hà Nội".normalize("NFC"), "Ghi chú Hà Nội".normalize("NFC")]);
    });
  });

  it("answers 404 to compare on an unknown indicator, as series does", async () => {
    for (const url of [
      "/api/v1/indicators/NOPE_NOPE/compare?units=HA-NOI,HO-CHI-MINH",
      "/api/v1/indicators/NOPE_NOPE/series",
    ]) {
      const res = await req(null)({ url });
      expect(res.statusCode, url).toBe(404);
      expect((res.json() as ErrorBody).error.code).toBe("NOT_FOUND");
    }
    // A known, published indicator still compares.
    const known = await req(null)({ url: "/api/v1/indicators/T30-A02/compare?units=HA-NOI" });
    expect(known.statusCode, known.body).toBe(200);
  });

  it("writes English, never Vietnamese, in English messages", async () => {
    const en = { "accept-language": "en" };
    const responses = [
      // A value for the wrong frequency: a refused reference.
      await put({ indicator: IND, unit: "HA-NOI", period: "2026-Q1", value: 1 }, "en"),
      await put({ indicator: IND, unit: "HA-NOI", period: "2026-13", value: 1 }, "en"),
      await req(null)({ url: "/api/v1/plans/NQ57/data-quality?period=2026-13", headers: en }),
      await req("demo-standing")({ url: "/api/v1/plans/NQ57/data-quality?period=2026-13", headers: en }),
      await req(null)({ url: `/api/v1/indicators/${IND}/breakdown?period=2026-13`, headers: en }),
      await req("demo-reporter-hanoi")({
        method: "POST",
        url: "/api/v1/observations/import?dryRun=true",
        headers: { ...en, "content-type": "text/csv" },
        payload: `indicator;unit;period;value\n${IND};HA-NOI;2026-Q1;x\nNOPE;HA-NOI;2026-13;1\n`,
      }),
      await req("demo-admin")({
        method: "POST",
        url: "/api/v1/plans?dryRun=true",
        headers: { ...en, "content-type": "application/yaml" },
        payload:
          "code: NQ-X\nname: Thử\nstartYear: 2025\nendYear: 2020\ninitiatives:\n  - { code: I1, number: 1, system: NOPE, title: Tên }\n",
      }),
      await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/org-units/HA-NOI",
        headers: en,
        payload: { parent: "HA-NOI" },
      }),
      await req("demo-reporter-hanoi")({
        method: "PUT",
        url: "/api/v1/me/password",
        headers: en,
        payload: { currentPassword: "Mật khẩu thử nghiệm 2026!", newPassword: "ngắn" },
      }),
      await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/indicators/K_RD_GDP",
        headers: en,
        payload: { formula: "sum(", reason: "Kiểm tra công thức" },
      }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      const body = JSON.parse(res.body) as ErrorBody & { errors?: Detail[] };
      const texts = [
        body.error.message,
        ...(body.error.details ?? []).flatMap((d) => [d.message, d.messageEn ?? ""]),
        ...(body.errors ?? []).map((d) => d.messageEn ?? ""),
      ];
      for (const text of texts) expect(unquoted(text), res.body).not.toMatch(VIETNAMESE);
      for (const d of [...(body.error.details ?? []), ...(body.errors ?? [])])
        expect(d.messageEn, JSON.stringify(d)).toBeTruthy();
    }
    expect(t.takeErrors()).toEqual([]);
  });

  it("answers a request with too large headers in the one error shape", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
        let got = "";
        socket.on("data", (c) => {
          got += c.toString("utf8");
        });
        socket.on("close", () => resolve(got));
        socket.on("error", reject);
      });
    const big = await raw(`GET /api/v1/plans HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    const [head, body] = big.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head?.toLowerCase()).toContain("content-type: application/json");
    expect(JSON.parse(body ?? "")).toEqual({
      error: {
        code: "HEADERS_TOO_LARGE",
        message: expect.stringMatching(/.+/),
        requestId: expect.any(String),
      },
    });
    const garbage = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.split("\r\n\r\n")[1] ?? "")).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});
