/**
 * First-start seed: the org units and the NQ57 plan bundled with Chỉ Nam. Idempotent: each part
 * is skipped when the same file content has been applied before (its hash is kept in instance_meta).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { parse } from "yaml";
import type { Db } from "../../db/client.js";
import { instanceMeta } from "../../db/schema/index.js";
import { orgUnitFile } from "../../domain/org-units/schema.js";
import { type PlanDefinition, planDefinition } from "../../domain/plan-definition/schema.js";
import { importOrgUnits } from "../org-units/index.js";
import { type ImportSummary, importPlanDefinition } from "../plans/index.js";
import { convergeFormerTwins, type FormerTwins } from "./former-twins.js";

/** The seed data files stay with the database layer: they are data, not code. */
export const seedsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "db", "seeds");

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The NQ57 plan definition: structure and indicators are kept in two files for readability. */
export function loadNq57Definition(): { def: PlanDefinition; hash: string } {
  const structureText = readFileSync(path.join(seedsDir, "plans", "nq57-structure.yaml"), "utf8");
  const indicatorsText = readFileSync(path.join(seedsDir, "plans", "nq57-indicators.yaml"), "utf8");
  const structure = parse(structureText) as Record<string, unknown>;
  const { indicators } = parse(indicatorsText) as { indicators: unknown[] };
  const def = planDefinition.parse({ ...structure, indicators });
  return { def, hash: sha256(structureText + indicatorsText) };
}

async function applied(db: Db, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(instanceMeta).where(eq(instanceMeta.key, key));
  const value = row?.value as { hash?: string } | undefined;
  return value?.hash;
}

async function markApplied(db: Db, key: string, value: Record<string, unknown>): Promise<void> {
  await db
    .insert(instanceMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceMeta.key, set: { value, updatedAt: new Date() } });
}

export interface SeedResult {
  orgUnits: "applied" | "unchanged";
  plan: "applied" | "unchanged";
  planSummary?: ImportSummary;
  /** When the database still has `OLD-` twins of earlier seeds: what was removed and what kept. */
  formerTwins?: FormerTwins;
}

export async function seed(db: Db): Promise<SeedResult> {
  const result: SeedResult = { orgUnits: "unchanged", plan: "unchanged" };
  const unitsText = readFileSync(path.join(seedsDir, "org-units.yaml"), "utf8");
  const unitsHash = sha256(unitsText);
  if ((await applied(db, "seed:org-units")) !== unitsHash) {
    const { orgUnits } = orgUnitFile.parse(parse(unitsText));
    const summary = await importOrgUnits(db, orgUnits, { actor: "system:seed", reason: "Bundled org units" });
    await markApplied(db, "seed:org-units", { hash: unitsHash, at: new Date().toISOString(), ...summary });
    result.orgUnits = "applied";
  }
  const twins = await convergeFormerTwins(db);
  if (twins) result.formerTwins = twins;
  const { def, hash } = loadNq57Definition();
  if ((await applied(db, "seed:NQ57")) !== hash) {
    result.planSummary = await importPlanDefinition(db, def, {
      actor: "system:seed",
      reason: "Bundled NQ57 plan (01-KH/BCĐTW)",
    });
    await markApplied(db, "seed:NQ57", { hash, at: new Date().toISOString() });
    result.plan = "applied";
  }
  return result;
}

export async function markDemo(db: Db): Promise<void> {
  await db
    .insert(instanceMeta)
    .values({ key: "demo", value: true })
    .onConflictDoUpdate({ target: instanceMeta.key, set: { value: true, updatedAt: new Date() } });
}
