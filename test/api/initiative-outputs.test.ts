/**
 * An initiative's expected outputs: modelled in the plan definition, seeded for NQ57 from each
 * initiative's content (marked proposed), answered by the initiative reads, and kept or replaced
 * by a change over HTTP (which goes through the same plan-definition import).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNq57Definition } from "../../src/server/seed/seed.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Output {
  title: { vi: string; en: string | null };
  kind: string | null;
  proposed: boolean;
}

describe("the NQ57 seed's outputs", () => {
  it("gives every initiative at least one output, each named in its content, with a kind", () => {
    const { def } = loadNq57Definition();
    expect(def.initiatives).toHaveLength(30);
    const words = (s: string) =>
      s
        .normalize("NFC")
        .toLocaleLowerCase("vi")
        .split(/[^\p{L}\p{N}&]+/u)
        .filter((w) => w.length >= 2);
    for (const ini of def.initiatives) {
      const outputs = ini.outputs ?? [];
      expect(outputs.length, ini.code).toBeGreaterThan(0);
      for (const o of outputs) {
        expect(o.kind, `${ini.code}: ${o.title.vi}`).toBeDefined();
        expect(o.title.en, `${ini.code}: ${o.title.vi}`).toBeDefined();
        // Drawn from the content, not listed as outputs by the plan: marked so.
        expect(o.proposed, `${ini.code}: ${o.title.vi}`).toBe(true);
      }
      // Not invented: most of each output's words are the content's own (the lowest, SK17's data
      // centre, 0.57). Set against another initiative's content (shifted by 1, 7 or 13), 89 to 101
      // of the 109 outputs fall below, and every initiative has one that does.
      const own = new Set(words(ini.content?.vi ?? ""));
      for (const o of outputs) {
        const ws = words(o.title.vi);
        expect(ws.filter((w) => own.has(w)).length / ws.length, `${ini.code}: ${o.title.vi}`).toBeGreaterThan(
          0.55,
        );
      }
    }
  });
});

describe.each(backends())("initiative outputs on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    s["demo-standing"] = await login(t.app, "demo-standing");
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);
  const url = "/api/v1/plans/NQ57/initiatives/SK17";

  it("answers the outputs in order with their kind, to the public too", async () => {
    const res = await req(null)({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    const outputs = res.json().outputs as Output[];
    expect(outputs.map((o) => [o.title.vi, o.kind, o.proposed])).toEqual([
      ["Trung tâm dữ liệu quốc gia (DC Quốc gia) đưa vào vận hành", "infrastructure", true],
      ["Dịch vụ PaaS, SaaS trên nền tảng điện toán đám mây Chính phủ (CGC)", "application", true],
      ["Tiêu chuẩn, quy chuẩn Cloud và trung tâm dữ liệu", "policy", true],
    ]);
    expect(outputs[0]?.title.en).toBe("National Data Centre in operation");
    const list = await req(null)({ method: "GET", url: "/api/v1/plans/NQ57/initiatives?system=S4" });
    expect(list.statusCode).toBe(200);
    const sk17 = (list.json().items as { code: string; outputs: Output[] }[]).find((i) => i.code === "SK17");
    expect(sk17?.outputs).toEqual(outputs);
  });

  it("keeps the outputs when other fields change, and replaces them when given", async () => {
    const before = (await req(null)({ method: "GET", url })).json().outputs as Output[];
    const patch = (payload: unknown) =>
      req("demo-standing")({ method: "PATCH", url, payload: { ...(payload as object) } });
    const other = await patch({ shortTitle: { vi: "Đám mây và DC quốc gia", en: "Cloud and national DC" } });
    expect(other.statusCode, other.body).toBe(200);
    const kept = (await req(null)({ method: "GET", url })).json();
    expect(kept.shortTitle.vi).toBe("Đám mây và DC quốc gia");
    expect(kept.outputs).toEqual(before);

    const replaced = await patch({
      outputs: [
        { title: { vi: "DC Quốc gia vận hành", en: "National DC in operation" }, kind: "infrastructure" },
        { title: "Quy chuẩn Cloud" },
      ],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await req(null)({ method: "GET", url })).json().outputs).toEqual([
      {
        title: { vi: "DC Quốc gia vận hành", en: "National DC in operation" },
        kind: "infrastructure",
        proposed: false,
      },
      { title: { vi: "Quy chuẩn Cloud", en: null }, kind: null, proposed: false },
    ]);
  });

  it("refuses an unknown kind by name, and anyone but the plan's administrators", async () => {
    const bad = await req("demo-standing")({
      method: "PATCH",
      url,
      payload: { outputs: [{ title: "X", kind: "gadget" }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect(bad.json().error.details[0].path).toBe("body.outputs.0.kind");
    const anon = await req(null)({ method: "PATCH", url, payload: { outputs: [] } });
    expect(anon.statusCode).toBe(401);
  });
});
