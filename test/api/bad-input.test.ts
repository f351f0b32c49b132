/**
 * Bad client input never becomes a 500, and never logs an error: each is a 400 or 422 in the one
 * error shape, naming the field (issue 10, item 9).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { type LoggedApp, loggedApp } from "../helpers/logged-app.js";

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { path?: string; message: string; messageEn?: string }[];
    requestId: string;
  };
}

/** Nine levels of nine aliases: 9^9 (387 million) strings once expanded. */
const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((c, k) => {
    const prev = "abcdefghi"[k] as string;
    return `${c}: &${c} [${Array.from({ length: 9 }, () => `*${prev}`).join(",")}]`;
  }),
].join("\n");

describe.each(backends())("bad input on %s", (backend) => {
  let t: LoggedApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await loggedApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of ["demo-standing", "demo-reporter-hanoi", "demo-admin"]) s[u] = await login(t.app, u);
    t.takeErrors();
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);

  /** A refusal in the one shape, naming `path`, with nothing logged at error level. */
  const refused = (
    res: { statusCode: number; body: string },
    status: number,
    path: string,
    code = "VALIDATION_FAILED",
  ) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.requestId).toBeTruthy();
    expect(body.error.details?.map((d) => d.path)).toContain(path);
    for (const d of body.error.details ?? []) expect(d.messageEn, JSON.stringify(d)).toBeTruthy();
    expect(t.takeErrors()).toEqual([]);
  };

  it.each(["0000", "9999-12", "1899", "2201", "1899-Q1", "2201-H2"])(
    "refuses the period %s on breakdown, series, compare and data quality",
    async (period) => {
      refused(
        await req(null)({ url: `/api/v1/indicators/T30-A02/breakdown?period=${period}` }),
        400,
        "querystring.period",
      );
      for (const field of ["from", "to"]) {
        refused(
          await req(null)({ url: `/api/v1/indicators/T30-A02/series?${field}=${period}` }),
          400,
          `querystring.${field}`,
        );
        refused(
          await req(null)({ url: `/api/v1/indicators/T30-A02/compare?units=HA-NOI&${field}=${period}` }),
          400,
          `querystring.${field}`,
        );
      }
      refused(
        await req("demo-standing")({ url: `/api/v1/plans/NQ57/data-quality?period=${period}` }),
        400,
        "querystring.period",
      );
    },
  );

  it("refuses a lone surrogate in a JSON text field, naming the field", async () => {
    const res = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      headers: { "content-type": "application/json" },
      // JSON.stringify writes a lone surrogate as the escape \ud800, as a client would send it.
      payload: JSON.stringify({
        indicator: "OI_DOSSIERS_ONLINE",
        unit: "HA-NOI",
        period: "2026-10",
        value: 1,
        comment: "x\ud800y",
      }),
    });
    refused(res, 400, "body.comment");
    const bulk = await req("demo-reporter-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({
        items: [
          { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-10", value: 1, source: "\udc00" },
        ],
      }),
    });
    refused(bulk, 400, "body.items.0.source");
  });

  it("refuses a unit's end of validity before its start, its values or its sub-units, naming validTo", async () => {
    // HA-NOI's validity starts after 2020, and it has values and sub-units after it.
    const unit = (await req(null)({ url: "/api/v1/org-units/HA-NOI" })).json() as {
      validFrom: string | null;
    };
    const put = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-10", value: 5 },
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
    refused(
      await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/org-units/HA-NOI",
        payload: { validTo: "2020-01-01" },
      }),
      422,
      "body.validTo",
      "ORG_UNIT_VALIDITY",
    );
    // After the start but before a value: still refused, naming the value's period.
    const beforeValue = await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/org-units/HA-NOI",
      headers: { "accept-language": "en" },
      payload: { validTo: "2026-06-30" },
    });
    refused(beforeValue, 422, "body.validTo", "ORG_UNIT_VALIDITY");
    expect(beforeValue.body).toContain("2026-10");
    // A start after its end.
    refused(
      await req("demo-standing")({
        method: "PATCH",
        url: "/api/v1/org-units/HA-NOI",
        payload: { validFrom: "2030-01-01", validTo: "2029-12-31" },
      }),
      422,
      "body.validTo",
      "ORG_UNIT_VALIDITY",
    );
    // Retiring before its start, through DELETE.
    refused(
      await req("demo-standing")({ method: "DELETE", url: "/api/v1/org-units/HA-NOI?validTo=1999-01-01" }),
      422,
      "querystring.validTo",
      "ORG_UNIT_VALIDITY",
    );
    // Nothing changed.
    const after = (await req(null)({ url: "/api/v1/org-units/HA-NOI" })).json() as {
      validFrom: string | null;
      validTo: string | null;
    };
    expect(after).toMatchObject({ validFrom: unit.validFrom, validTo: null });
  });

  it("refuses a YAML alias bomb, naming the problem", async () => {
    // Expanded, the bomb would not finish before the test's timeout: answering at all is the check.
    const res = await req("demo-admin")({
      method: "POST",
      url: "/api/v1/plans?dryRun=true",
      headers: { "content-type": "application/yaml" },
      payload: aliasBomb,
    });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe("PLAN_DEFINITION_INVALID");
    expect(body.error.details?.[0]?.messageEn).toMatch(/alias/i);
    expect(t.takeErrors()).toEqual([]);
  });

  it.each([
    "Bearer cn_not-a-real-token",
    "Bearer not-even-ours",
    "Bearer ",
    "Basic ZGVtbzpkZW1v",
    "cn_no-scheme",
  ])("answers 401 to the invalid authorization %j without logging an error", async (authorization) => {
    const res = await t.app.inject({ url: "/api/v1/plans", headers: { authorization } });
    expect(res.statusCode, res.body).toBe(401);
    expect((res.json() as ErrorBody).error.code).toBe("INVALID_TOKEN");
    expect(t.takeErrors()).toEqual([]);
  });
});
