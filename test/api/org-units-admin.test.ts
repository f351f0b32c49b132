/**
 * Org units administered over HTTP as the administration page uses them: a kind changed with its
 * subtype, a cycle refused at the parent field in the caller's language (nothing changed), and the
 * lineage of a merged province with its dates and notes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
}
interface Unit {
  code: string;
  kind: string;
  subtype: string | null;
  parent: string | null;
  successors: { kind: string; unit: string; effectiveOn: string; note: unknown }[];
  predecessors: { kind: string; unit: string; effectiveOn: string }[];
}

describe("org-unit administration over HTTP", () => {
  let t: TestApp;
  let standing: Session;
  const get = async (code: string) =>
    (await t.app.inject({ url: `/api/v1/org-units/${code}` })).json() as Unit;
  const send = (method: "POST" | "PATCH", url: string, payload: object, lang = "vi") =>
    as(t.app, standing)({ method, url, payload, headers: { "accept-language": lang } });

  beforeAll(async () => {
    t = await testApp("pglite");
    await createDemoAccounts(t.database);
    standing = await login(t.app, "demo-standing");
    expect(
      (await send("POST", "/api/v1/org-units", { code: "OU-TOP", kind: "agency", name: "Cục thử" }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await send("POST", "/api/v1/org-units", {
          code: "OU-SUB",
          kind: "agency",
          name: "Phòng thử",
          parent: "OU-TOP",
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a parent under the unit's own sub-unit at body.parent, in the caller's language, and changes nothing", async () => {
    for (const lang of ["vi", "en"]) {
      const res = await send(
        "PATCH",
        "/api/v1/org-units/OU-TOP",
        { parent: "OU-SUB", name: { vi: "Đổi" } },
        lang,
      );
      expect(res.statusCode).toBe(422);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe("ORG_UNIT_CYCLE");
      expect(body.error.details).toEqual([
        {
          path: "body.parent",
          message:
            lang === "en"
              ? "“OU-SUB” is “OU-TOP” or one of its sub-units"
              : "“OU-SUB” là “OU-TOP” hoặc thuộc “OU-TOP”",
          messageEn: "“OU-SUB” is “OU-TOP” or one of its sub-units",
        },
      ]);
      expect(body.error.message).toContain(lang === "en" ? "cycle" : "vòng lặp");
    }
    const top = (await t.app.inject({ url: "/api/v1/org-units/OU-TOP" })).json() as Unit & {
      name: { vi: string };
    };
    expect(top).toMatchObject({ parent: null, name: { vi: "Cục thử" } });
    const self = await send("PATCH", "/api/v1/org-units/OU-TOP", { parent: "OU-TOP" });
    expect((self.json() as ErrorBody).error.details?.[0]?.path).toBe("body.parent");
  });

  it("changes a unit's kind, asking a province-level unit for its subtype and dropping it on leaving", async () => {
    const noSubtype = await send("PATCH", "/api/v1/org-units/OU-SUB", { kind: "province" }, "en");
    expect(noSubtype.statusCode).toBe(400);
    expect((noSubtype.json() as ErrorBody).error.details?.[0]).toMatchObject({
      path: "body.subtype",
      message: "province-level units need a subtype: province or city",
    });
    expect((await get("OU-SUB")).kind).toBe("agency");

    const stray = await send("PATCH", "/api/v1/org-units/OU-SUB", { subtype: "city" });
    expect(stray.statusCode).toBe(400);

    const city = await send("PATCH", "/api/v1/org-units/OU-SUB", { kind: "province", subtype: "city" });
    expect(city.statusCode).toBe(200);
    expect(await get("OU-SUB")).toMatchObject({ kind: "province", subtype: "city", parent: "OU-TOP" });

    const back = await send("PATCH", "/api/v1/org-units/OU-SUB", { kind: "institute" });
    expect(back.statusCode).toBe(200);
    expect(await get("OU-SUB")).toMatchObject({ kind: "institute", subtype: null });
  });

  it("presents a merged province's lineage both ways, with the merger's date", async () => {
    const old = await get("OLD-HA-GIANG");
    expect(old.successors).toEqual([
      {
        kind: "merged_into",
        unit: "TUYEN-QUANG",
        name: expect.anything(),
        effectiveOn: "2025-07-01",
        note: null,
      },
    ]);
    const merged = await get("TUYEN-QUANG");
    expect(merged.predecessors.map((p) => [p.unit, p.effectiveOn])).toContainEqual([
      "OLD-HA-GIANG",
      "2025-07-01",
    ]);
    const mpi = await get("BKHDT");
    expect(mpi.successors[0]?.note).toMatchObject({ en: expect.stringContaining("Ministry of Finance") });
  });
});
