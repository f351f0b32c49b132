/**
 * Demo accounts: one user per role (plan section V), created by `npm run demo` and used by the
 * access tests, so that what a visitor tries is what the suite checks.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { roleAssignments, users } from "../../db/schema/index.js";
import type { Role } from "../access/index.js";
import { hashPassword } from "../auth/index.js";
import { audit } from "../core/audit-writer.js";
import { type GrantInput, resolveScope } from "./commands/roles.js";

export interface DemoAccount {
  username: string;
  displayName: string;
  unit?: string;
  grants: (GrantInput & { role: Role })[];
}

export const demoAccounts: DemoAccount[] = [
  { username: "demo-admin", displayName: "Quản trị hệ thống (demo)", grants: [{ role: "system_admin" }] },
  {
    username: "demo-standing",
    displayName: "Cơ quan Thường trực (demo)",
    unit: "BCDTW-CQTT",
    grants: [{ role: "standing_office", plan: "NQ57" }],
  },
  {
    username: "demo-steering",
    displayName: "Thành viên Ban Chỉ đạo (demo)",
    unit: "BCDTW",
    grants: [{ role: "steering_member", plan: "NQ57" }],
  },
  {
    username: "demo-engineer-s1",
    displayName: "Tổng công trình sư Hệ thống 1 (demo)",
    grants: [{ role: "chief_engineer", plan: "NQ57", system: "S1" }],
  },
  {
    username: "demo-architect",
    displayName: "Kiến trúc sư trưởng dự án AI quốc gia (demo)",
    grants: [{ role: "chief_architect", plan: "NQ57", project: "DA-AI-QG" }],
  },
  {
    username: "demo-reporter-hanoi",
    displayName: "Cán bộ báo cáo TP Hà Nội (demo)",
    unit: "HA-NOI",
    grants: [{ role: "unit_reporter", unit: "HA-NOI" }],
  },
  {
    username: "demo-approver-hanoi",
    displayName: "Lãnh đạo duyệt báo cáo TP Hà Nội (demo)",
    unit: "HA-NOI",
    grants: [{ role: "unit_approver", unit: "HA-NOI" }],
  },
  {
    username: "demo-reporter-hcm",
    displayName: "Cán bộ báo cáo TP Hồ Chí Minh (demo)",
    unit: "HO-CHI-MINH",
    grants: [{ role: "unit_reporter", unit: "HO-CHI-MINH" }],
  },
  {
    username: "demo-reporter-most",
    displayName: "Cán bộ báo cáo Bộ Khoa học và Công nghệ (demo)",
    unit: "BKHCN",
    grants: [{ role: "unit_reporter", unit: "BKHCN" }],
  },
  {
    username: "demo-province-committee-hanoi",
    displayName: "Ban Chỉ đạo TP Hà Nội (demo)",
    unit: "HA-NOI",
    grants: [{ role: "provincial_committee", unit: "HA-NOI" }],
  },
  {
    username: "demo-advisor",
    displayName: "Thành viên Hội đồng Tư vấn (demo)",
    unit: "HDTVQG",
    grants: [{ role: "advisory_council", plan: "NQ57" }],
  },
  {
    username: "demo-proposer",
    displayName: "Doanh nghiệp đề xuất sáng kiến (demo)",
    unit: "FPT",
    grants: [{ role: "proposer", unit: "FPT" }],
  },
];

/** Creates (or resets the password of) every demo account. Idempotent. */
export async function ensureDemoAccounts(
  db: Db,
  password: string,
  accounts: DemoAccount[] = demoAccounts,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const ctx = { actor: "system:demo", reason: "demo accounts" };
  for (const a of accounts) {
    const scopes = await Promise.all(a.grants.map((g) => resolveScope(db, g)));
    const unitId = a.unit ? (await resolveScope(db, { role: "unit_reporter", unit: a.unit })).unitId : null;
    await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = ${a.username}`);
      if (existing) {
        await tx
          .update(users)
          .set({ passwordHash, status: "active", updatedAt: new Date() })
          .where(eq(users.id, existing.id));
        return;
      }
      const [u] = await tx
        .insert(users)
        .values({
          username: a.username,
          displayName: a.displayName,
          unitId,
          passwordHash,
          passwordChangedAt: new Date(),
          isDemo: true,
        })
        .returning({ id: users.id });
      if (!u) return;
      await tx
        .insert(roleAssignments)
        .values(a.grants.map((g, i) => ({ userId: u.id, role: g.role, ...scopes[i] })));
      await audit(tx, ctx, {
        action: "user.create_demo",
        entityType: "user",
        entityId: u.id,
        after: { username: a.username, grants: a.grants },
      });
    });
  }
}
