/**
 * The world the access matrix runs in: one app and database per test file, the personas signed in,
 * another plan with its own objects, a victim user, and factories for throwaway objects that a
 * case's request uses up (a value to delete, a system to rename). Cases are built before the
 * world exists, so they read it lazily, from inside their `own`/`other` functions.
 */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { focalPersons, orgUnits, plans, roleAssignments, users } from "../../../src/db/schema/index.js";
import { planDefinition } from "../../../src/domain/plan-definition/schema.js";
import { loadRefs } from "../../../src/server/observations/values/queries.js";
import { transitionObservation } from "../../../src/server/observations/values/transition.js";
import { writeObservation } from "../../../src/server/observations/values/write.js";
import { importPlanDefinition } from "../../../src/server/plans/import-plan.js";
import { ensureDemoAccounts } from "../../../src/server/users/demo-accounts.js";
import { type TestApp, testApp } from "../../helpers/app.js";
import { as, login, type Session, TEST_PASSWORD } from "../../helpers/auth.js";
import type { Backend } from "../../helpers/db.js";
import { type Persona, SIGNED_IN } from "./case.js";

export class MatrixWorld {
  private testApp: TestApp | undefined;
  readonly sessions = new Map<Persona, Session>();
  victimId = "";
  private n = 0;
  private month = 0;

  constructor(private readonly backend: Backend) {}

  get t(): TestApp {
    if (!this.testApp) throw new Error("the matrix world is not set up yet (beforeAll)");
    return this.testApp;
  }

  db() {
    return this.t.database.db;
  }

  async setUp(): Promise<void> {
    this.testApp = await testApp(this.backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await ensureDemoAccounts(this.db(), TEST_PASSWORD);
    for (const p of SIGNED_IN) this.sessions.set(p, await login(this.t.app, p));
    // Another plan with its own Standing Office: "other" for the NQ57 Standing Office.
    await importPlanDefinition(
      this.db(),
      planDefinition.parse({
        code: "OTHER",
        name: "Kế hoạch khác",
        startYear: 2025,
        endYear: 2030,
        systems: [{ code: "S1", number: 1, name: "Hệ thống" }],
        initiatives: [{ code: "SK01", number: 1, system: "S1", title: "Sáng kiến" }],
        indicators: [{ code: "OTHER_K", tier: "kpi", name: "KPI khác", targets: [{ year: 2030, value: 1 }] }],
      }),
      { actor: "test" },
    );
    const [victim] = await this.db()
      .insert(users)
      .values({ username: "victim", displayName: "Victim", passwordHash: null })
      .returning({ id: users.id });
    this.victimId = victim?.id ?? "";
  }

  async close(): Promise<void> {
    await this.testApp?.close();
  }

  /** A code no other case has used. */
  uniq(): string {
    return `${Date.now().toString(36)}${(this.n++).toString(36)}`.toUpperCase();
  }

  /** Requests as the administrator, to make throwaway objects through the API. */
  private asAdmin() {
    return as(this.t.app, this.sessions.get("demo-admin") ?? null);
  }

  async unitId(code: string): Promise<string> {
    const [u] = await this.db().select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
    return u?.id ?? "";
  }

  async focal(unit: string): Promise<string> {
    const [f] = await this.db()
      .insert(focalPersons)
      .values({ unitId: await this.unitId(unit), fullName: "Nguyễn Văn A" })
      .returning({ id: focalPersons.id });
    return f?.id ?? "";
  }

  /** A steering-member grant of the victim on a plan. */
  async grant(plan: string): Promise<string> {
    const [p] = await this.db().select({ id: plans.id }).from(plans).where(eq(plans.code, plan));
    const [g] = await this.db()
      .insert(roleAssignments)
      .values({ userId: this.victimId, role: "steering_member", planId: p?.id ?? null })
      .returning({ id: roleAssignments.id });
    return g?.id ?? "";
  }

  async throwawayPlan(): Promise<string> {
    const code = `TMP-${this.uniq()}`;
    await importPlanDefinition(
      this.db(),
      planDefinition.parse({ code, name: "Tạm", startYear: 2025, endYear: 2030 }),
      { actor: "test" },
    );
    return code;
  }

  async throwawaySystem(plan: string): Promise<string> {
    const code = `SX${this.uniq()}`;
    const r = await this.asAdmin()({
      method: "POST",
      url: `/api/v1/plans/${plan}/systems`,
      payload: { code, number: 99, name: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  }

  async throwawayInitiative(plan: string): Promise<string> {
    const code = `SKX${this.uniq()}`;
    const r = await this.asAdmin()({
      method: "POST",
      url: `/api/v1/plans/${plan}/initiatives`,
      payload: { code, number: 99, system: "S1", title: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  }

  async throwawayProject(plan: string): Promise<string> {
    const code = `DAX${this.uniq()}`;
    const r = await this.asAdmin()({
      method: "POST",
      url: `/api/v1/plans/${plan}/projects`,
      payload: { code, kind: "other", name: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  }

  async throwawayIndicator(plan: string): Promise<string> {
    const code = `X_${this.uniq()}`;
    const r = await this.asAdmin()({
      method: "POST",
      url: `/api/v1/plans/${plan}/indicators`,
      payload: { code, tier: "operational", name: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  }

  async throwawayToken(): Promise<string> {
    const r = await this.asAdmin()({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "tmp", unit: "HA-NOI", indicators: "*", actions: ["indicators:read"] },
    });
    return (r.json() as { id: string }).id;
  }

  /** A value of OI_DOSSIERS_ONLINE for a unit, in a fresh period, in the given state. */
  async value(unit: string, status: "draft" | "submitted" | "approved"): Promise<string> {
    this.month++;
    const m = this.month;
    const period = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const input = { indicator: "OI_DOSSIERS_ONLINE", unit, period, value: m };
    const db = this.db();
    const refs = await loadRefs(db, [input]);
    const { row } = await db.transaction((tx) => writeObservation(tx, input, refs, { actor: "test" }));
    if (status !== "draft") {
      const sent = await db.transaction((tx) => transitionObservation(tx, row, "submit", { actor: "test" }));
      if (status === "approved")
        await db.transaction((tx) => transitionObservation(tx, sent, "approve", { actor: "test" }));
    }
    return row.id;
  }
}
