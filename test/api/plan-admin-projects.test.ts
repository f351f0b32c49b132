/**
 * Projects administered over HTTP (add, change keeping what the patch leaves out, retire), and a
 * target adjusted over HTTP live at once in the plan's overview (the dashboards' memo is keyed by
 * the definitions version, which a target change bumps) and audited with its before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Project {
  code: string;
  kind: string;
  name: { vi: string; en: string | null };
  system: string | null;
  initiatives: string[];
  ownerUnit: string | null;
  hasStdxComponent: boolean;
  retired: boolean;
}
interface Assessed {
  code: string;
  target: { year: number; value: number | null; comparator: string } | null;
}

describe.each(backends())("projects and live targets over HTTP on %s", (backend) => {
  let t: TestApp;
  let standing: Session;
  let reporter: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    standing = await login(t.app, "demo-standing");
    reporter = await login(t.app, "demo-reporter-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });

  const projects = async () =>
    ((await t.app.inject({ url: "/api/v1/plans/NQ57/projects?limit=1000" })).json() as { items: Project[] })
      .items;
  const project = async (code: string) => (await projects()).find((p) => p.code === code);

  it("adds a project, changes its name keeping its links, and retires it with a reason", async () => {
    const add = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: "/api/v1/plans/NQ57/projects",
      payload: {
        code: "DA-THU",
        kind: "national_group_a",
        name: { vi: "Dự án thử", en: "Trial project" },
        system: "S1",
        initiatives: ["SK01"],
        ownerUnit: "HA-NOI",
        hasStdxComponent: true,
      },
    });
    expect(add.statusCode).toBe(200);
    expect(await project("DA-THU")).toMatchObject({
      kind: "national_group_a",
      system: "S1",
      initiatives: ["SK01"],
      ownerUnit: "HA-NOI",
      hasStdxComponent: true,
      retired: false,
    });

    const rename = await as(
      t.app,
      standing,
    )({ method: "PATCH", url: "/api/v1/plans/NQ57/projects/DA-THU", payload: { name: "Dự án đổi tên" } });
    expect(rename.statusCode).toBe(200);
    expect(await project("DA-THU")).toMatchObject({
      name: { vi: "Dự án đổi tên" },
      kind: "national_group_a",
      system: "S1",
      initiatives: ["SK01"],
      ownerUnit: "HA-NOI",
      hasStdxComponent: true,
    });

    const noReason = await as(
      t.app,
      standing,
    )({ method: "DELETE", url: "/api/v1/plans/NQ57/projects/DA-THU" });
    expect(noReason.statusCode).toBe(400);
    expect((await project("DA-THU"))?.retired).toBe(false);
    const retire = await as(
      t.app,
      standing,
    )({
      method: "DELETE",
      url: "/api/v1/plans/NQ57/projects/DA-THU?reason=G%E1%BB%99p%20d%E1%BB%B1%20%C3%A1n",
    });
    expect(retire.statusCode).toBe(204);
    expect((await project("DA-THU"))?.retired).toBe(true);

    const audit = await as(t.app, standing)({ url: "/api/v1/audit?entityType=project&limit=10" });
    expect(audit.statusCode).toBe(200);
    expect(JSON.stringify(audit.json())).toContain("project.retire");
  });

  it("refuses a project naming an unknown system with the field, and a reporter outright", async () => {
    const bad = await as(
      t.app,
      standing,
    )({ method: "PATCH", url: "/api/v1/plans/NQ57/projects/DA-THU", payload: { system: "S-KHONG-CO" } });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain("S-KHONG-CO");
    const unknown = await as(
      t.app,
      standing,
    )({ method: "PATCH", url: "/api/v1/plans/NQ57/projects/KHONG-CO", payload: { name: "x" } });
    expect(unknown.statusCode).toBe(404);
    const refused = await as(
      t.app,
      reporter,
    )({
      method: "POST",
      url: "/api/v1/plans/NQ57/projects",
      payload: { code: "DA-X", kind: "other", name: "X" },
    });
    expect(refused.statusCode).toBe(403);
    expect(await project("DA-X")).toBeUndefined();
  });

  it("shows an adjusted target in the overview at once, the old answer's ETag no longer matching", async () => {
    const overview = () => t.app.inject({ url: "/api/v1/plans/NQ57/overview" });
    const first = await overview();
    expect(first.statusCode).toBe(200);
    const before = (first.json() as { targets: Assessed[] }).targets.find(
      (a) => a.target && a.target.value !== null && a.target.comparator !== "between",
    );
    expect(before?.target).toBeTruthy();
    const { code, target } = before as Assessed & { target: NonNullable<Assessed["target"]> };
    const value = (target.value ?? 0) + 7.5;
    const put = await as(
      t.app,
      standing,
    )({
      method: "PUT",
      url: `/api/v1/plans/NQ57/indicators/${code}/targets`,
      payload: {
        target: { year: target.year, comparator: target.comparator, value },
        reason: "Điều chỉnh thử",
      },
    });
    expect(put.statusCode).toBe(200);
    const etag = first.headers.etag;
    const second = await t.app.inject({
      url: "/api/v1/plans/NQ57/overview",
      headers: etag ? { "if-none-match": String(etag) } : {},
    });
    expect(second.statusCode).toBe(200);
    const after = (second.json() as { targets: Assessed[] }).targets.find((a) => a.code === code);
    expect(after?.target?.value).toBe(value);

    // Audited with its before and after (the version it replaced, the reason).
    const trail = await as(
      t.app,
      standing,
    )({
      method: "GET",
      url: `/api/v1/audit?entityType=indicator_target&entityId=${encodeURIComponent(`${code}/NQ57/${target.year}`)}`,
    });
    expect(trail.statusCode).toBe(200);
    const [entry] = (trail.json() as { items: { action: string; before: unknown; after: unknown }[] }).items;
    expect(entry?.action).toBe("target.set");
    expect(entry?.before).toMatchObject({
      year: target.year,
      value: target.value,
      version: expect.any(Number),
    });
    expect(entry?.after).toMatchObject({ year: target.year, value, reason: "Điều chỉnh thử" });
    const versions = entry as { before: { version: number }; after: { version: number } };
    expect(versions.after.version).toBe(versions.before.version + 1);
  });
});
