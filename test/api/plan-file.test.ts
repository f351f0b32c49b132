/**
 * The plan-definition file over HTTP: the current definition downloaded (GET /plans/{code}/definition)
 * imports again without changing a thing, an edit of it changes what was edited, and who may read it.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { PLAN_FILE_MAX_MB } from "../../src/contracts/plan-file.js";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { loadNq57Definition } from "../../src/server/seed/seed.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Summary {
  plan: string;
  created: boolean;
  unchanged: boolean;
  counts: Record<string, number>;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; line?: number }[] };
}

describe.each(backends())("the plan-definition file on %s", (backend) => {
  let t: TestApp;
  let admin: Session;
  let standing: Session;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    admin = await login(t.app, "demo-admin");
    standing = await login(t.app, "demo-standing");
    reporter = await login(t.app, "demo-reporter-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });

  const download = (s: Session | null, code = "NQ57") =>
    as(t.app, s)({ url: `/api/v1/plans/${code}/definition` });
  const upload = (s: Session, yaml: string, query = "") =>
    as(
      t.app,
      s,
    )({
      method: "POST",
      url: `/api/v1/plans${query}`,
      headers: { "content-type": "application/yaml", "accept-language": "en" },
      payload: yaml,
    });
  const newestAudit = async () =>
    (
      (await as(t.app, admin)({ url: "/api/v1/audit?limit=1" })).json() as {
        items: { seq: number; action: string; entityId: string }[];
      }
    ).items[0];

  it("downloads NQ57 as a YAML attachment holding every live item of the seed", async () => {
    const res = await download(admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/yaml/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="NQ57.yaml"');
    expect(res.body.startsWith("# Kế hoạch NQ57")).toBe(true);
    const def = planDefinition.parse(parse(res.body));
    const seed = loadNq57Definition().def;
    const codes = (l: { code: string }[]) => l.map((x) => x.code).sort();
    expect(codes(def.systems)).toEqual(codes(seed.systems));
    expect(codes(def.initiatives)).toEqual(codes(seed.initiatives));
    expect(codes(def.phases)).toEqual(codes(seed.phases));
    expect(codes(def.projects)).toEqual(codes(seed.projects));
    expect(codes(def.tasks)).toEqual(codes(seed.tasks));
    expect(codes(def.roles)).toEqual(codes(seed.roles));
    expect(codes(def.indicators)).toEqual(codes(seed.indicators));
    expect(codes(def.linkIndicators)).toEqual(codes(seed.linkIndicators));
    // Item by item, the download says what the seed said (lists compared in the seed's order).
    const byCode = <T extends { code: string }>(l: T[]) => new Map(l.map((x) => [x.code, x]));
    const got = byCode(def.indicators);
    for (const ind of seed.indicators) {
      const mine = got.get(ind.code);
      const order = <T>(l: T[], key: (x: T) => string) => [...l].sort((a, b) => key(a).localeCompare(key(b)));
      expect(
        {
          ...mine,
          targets: order(mine?.targets ?? [], (x) => `${x.orgUnit ?? ""}${x.year}`),
          parents: order(mine?.parents ?? [], (x) => x.code),
          systems: [...(mine?.systems ?? [])].sort(),
          initiatives: [...(mine?.initiatives ?? [])].sort(),
        },
        ind.code,
      ).toEqual({
        ...ind,
        targets: order(ind.targets, (x) => `${x.orgUnit ?? ""}${x.year}`),
        parents: order(ind.parents, (x) => x.code),
        systems: [...ind.systems].sort(),
        initiatives: [...ind.initiatives].sort(),
      });
    }
    const sys = byCode(def.systems);
    for (const s of seed.systems) expect(sys.get(s.code), s.code).toEqual(s);
    const ini = byCode(def.initiatives);
    for (const i of seed.initiatives) expect(ini.get(i.code), i.code).toEqual({ ...i, outputs: i.outputs });
  });

  it("imports the downloaded file again changing no indicator or target (a dry run)", async () => {
    const yaml = (await download(standing)).body;
    const dry = await upload(standing, yaml, "?dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    const counts = (dry.json() as Summary).counts;
    expect(counts).toMatchObject({
      indicatorsCreated: 0,
      indicatorsUpdated: 0,
      targetsCreated: 0,
      targetsUpdated: 0,
    });
    expect(counts.indicatorsUnchanged).toBeGreaterThan(100);
  });

  it("takes an edited download: the renamed system changes, nothing else does", async () => {
    const yaml = (await download(admin)).body;
    const doc = parseDocument(yaml);
    const code = String(doc.getIn(["systems", 0, "code"]));
    const vi = String(doc.getIn(["systems", 0, "name", "vi"]));
    const edited = yaml.replace(`    vi: ${vi}\n`, `    vi: ${vi} (đã sửa)\n`);
    expect(edited).not.toBe(yaml);
    const auditBefore = await newestAudit();
    const dry = await upload(admin, edited, "?dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    expect(auditBefore?.seq).toBeGreaterThan(0);
    expect(await newestAudit()).toEqual(auditBefore);
    const system = async () =>
      ((await t.app.inject({ url: `/api/v1/plans/NQ57/systems/${code}` })).json() as { name: { vi: string } })
        .name.vi;
    expect(await system()).toBe(vi);
    const done = await upload(admin, edited, "?reason=T%C3%AAn%20h%E1%BB%87%20th%E1%BB%91ng");
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Summary).counts).toMatchObject({ indicatorsUpdated: 0, targetsUpdated: 0 });
    expect(await system()).toBe(`${vi} (đã sửa)`);
    const after = await newestAudit();
    expect(after?.seq).toBeGreaterThan(auditBefore?.seq ?? 0);
    expect(after).toMatchObject({ action: "plan.update", entityId: "NQ57" });
    // The next download holds the new name.
    expect((await download(admin)).body).toContain(`${vi} (đã sửa)`);
  });

  it("is read by those who administer the plan only", async () => {
    expect((await download(null)).statusCode).toBe(401);
    const refused = await download(reporter);
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as ErrorBody).error.code).toBe("FORBIDDEN");
    expect((await download(admin, "NO-SUCH-PLAN")).statusCode).toBe(404);
  });

  it("refuses a file over the plan-file limit with the limit named", async () => {
    const big = `code: NQ-TO\nname: "${"x".repeat(PLAN_FILE_MAX_MB * 1024 * 1024)}"\n`;
    const res = await upload(admin, big, "?dryRun=true");
    expect(res.statusCode).toBe(413);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message).toContain(`${PLAN_FILE_MAX_MB} MB`);
  });
});
