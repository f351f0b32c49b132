/**
 * Org-unit administration: import of a unit file (the bundled seed, `org-units:import`), and
 * create / update / retire of single units used by the CLI and, with the access issue, HTTP.
 */

import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { orgUnitLineage, orgUnits } from "../../db/schema/index.js";
import type { OrgUnitDef } from "../../domain/org-units/schema.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { detailAt, invalidFile, type ParsedFile } from "../core/definition-files.js";
import { AppError, type ErrorDetail, notFound } from "../core/errors.js";
import { syncRollupClosure } from "../rollups/index.js";
import { isAncestorOrSelf } from "./queries.js";
import type { OrgUnitPatch } from "./schema.js";
import { assertValidity, type ValidityPaths } from "./validity.js";

export interface OrgUnitImportSummary {
  created: number;
  updated: number;
  lineageLinks: number;
}

function rowValues(u: OrgUnitDef) {
  return {
    code: u.code,
    kind: u.kind,
    subtype: u.subtype ?? null,
    nameVi: u.name.vi,
    nameEn: u.name.en ?? null,
    shortNameVi: u.shortName?.vi ?? null,
    shortNameEn: u.shortName?.en ?? null,
    adminCode: u.adminCode ?? null,
    validFrom: u.validFrom ?? null,
    validTo: u.validTo ?? null,
    noteVi: u.note?.vi ?? null,
    noteEn: u.note?.en ?? null,
  };
}

/** Would making `parentId` the parent of `unitId` create a cycle? Walks up from the new parent. */
export async function wouldCreateCycle(db: Executor, unitId: string, parentId: string): Promise<boolean> {
  if (unitId === parentId) return true;
  return isAncestorOrSelf(db, unitId, parentId);
}

/** Finds a cycle among parent links given as code -> parent code. Returns the codes on it. */
export function findParentCycle(parents: ReadonlyMap<string, string | undefined>): string[] | undefined {
  for (const start of parents.keys()) {
    const seen: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined) {
      if (seen.includes(cur)) return [...seen.slice(seen.indexOf(cur)), cur];
      seen.push(cur);
      cur = parents.get(cur);
    }
  }
  return undefined;
}

export async function importOrgUnits(
  db: Db,
  units: OrgUnitDef[],
  ctx: ChangeContext,
  file?: ParsedFile,
): Promise<OrgUnitImportSummary> {
  const existing = new Map(
    (
      await db.select({ id: orgUnits.id, code: orgUnits.code, parentId: orgUnits.parentId }).from(orgUnits)
    ).map((r) => [r.code, r]),
  );
  const byId = new Map([...existing.values()].map((r) => [r.id, r.code]));
  const inFile = new Set<string>();
  const problems: { path: (string | number)[]; vi: string; en: string }[] = [];
  units.forEach((u, i) => {
    if (inFile.has(u.code))
      problems.push({
        path: ["orgUnits", i, "code"],
        vi: `mã “${u.code}” bị trùng`,
        en: `duplicate code “${u.code}”`,
      });
    inFile.add(u.code);
  });
  const known = (c: string) => inFile.has(c) || existing.has(c);
  units.forEach((u, i) => {
    if (u.parent && !known(u.parent))
      problems.push({
        path: ["orgUnits", i, "parent"],
        vi: `không có đơn vị “${u.parent}”`,
        en: `unknown org unit “${u.parent}”`,
      });
    u.lineage.forEach((l, k) => {
      if (!known(l.unit))
        problems.push({
          path: ["orgUnits", i, "lineage", k, "unit"],
          vi: `không có đơn vị “${l.unit}”`,
          en: `unknown org unit “${l.unit}”`,
        });
    });
    if (u.kind === "province" && !u.subtype)
      problems.push({
        path: ["orgUnits", i, "subtype"],
        vi: "đơn vị cấp tỉnh cần subtype province hoặc city",
        en: "province-level units need subtype province or city",
      });
    if (u.validFrom && u.validTo && u.validTo < u.validFrom)
      problems.push({
        path: ["orgUnits", i, "validTo"],
        vi: "ngày hết hiệu lực trước ngày có hiệu lực",
        en: "validTo is before validFrom",
      });
  });
  // The resulting hierarchy (database + file) must stay a tree.
  const parents = new Map<string, string | undefined>();
  for (const [code, r] of existing) parents.set(code, r.parentId ? byId.get(r.parentId) : undefined);
  for (const u of units) parents.set(u.code, u.parent);
  const cycle = findParentCycle(parents);
  if (cycle) {
    const i = units.findIndex((u) => cycle.includes(u.code));
    problems.push({
      path: ["orgUnits", Math.max(i, 0), "parent"],
      vi: `vòng lặp đơn vị cấp trên: ${cycle.join(" → ")}`,
      en: `parent cycle: ${cycle.join(" → ")}`,
    });
  }
  if (problems.length > 0) {
    const noFile: ParsedFile = { data: units, lineOf: () => undefined };
    throw invalidFile(problems.map((p) => detailAt(file ?? noFile, p.path, p.vi, p.en)));
  }

  const summary: OrgUnitImportSummary = { created: 0, updated: 0, lineageLinks: 0 };
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const u of units) {
      const v = { ...rowValues(u), updatedAt: new Date() };
      const [row] = await tx
        .insert(orgUnits)
        .values(v)
        .onConflictDoUpdate({ target: orgUnits.code, set: v })
        .returning({ id: orgUnits.id });
      if (!row) throw new AppError("INTERNAL");
      ids.set(u.code, row.id);
      if (existing.has(u.code)) summary.updated++;
      else summary.created++;
    }
    for (const [code, r] of existing) if (!ids.has(code)) ids.set(code, r.id);
    for (const u of units) {
      const id = ids.get(u.code) as string;
      await tx
        .update(orgUnits)
        .set({ parentId: u.parent ? (ids.get(u.parent) ?? null) : null })
        .where(eq(orgUnits.id, id));
      for (const l of u.lineage) {
        await tx
          .insert(orgUnitLineage)
          .values({
            fromUnitId: id,
            toUnitId: ids.get(l.unit) as string,
            kind: l.kind,
            effectiveOn: l.effectiveOn,
            noteVi: l.note?.vi ?? null,
            noteEn: l.note?.en ?? null,
          })
          .onConflictDoUpdate({
            target: [orgUnitLineage.fromUnitId, orgUnitLineage.toUnitId, orgUnitLineage.kind],
            set: { effectiveOn: l.effectiveOn, noteVi: l.note?.vi ?? null, noteEn: l.note?.en ?? null },
          });
        summary.lineageLinks++;
      }
    }
    await syncRollupClosure(tx);
    await audit(tx, ctx, {
      action: "org_units.import",
      entityType: "org_unit",
      after: summary,
      rowCount: units.length,
      fileHash: createHash("sha256").update(JSON.stringify(units)).digest("hex"),
    });
  });
  return summary;
}

/** Whether a kind and subtype go together: province-level units are a province or a city, others neither. */
function subtypeProblem(kind: string, subtype: string | null): ErrorDetail | undefined {
  if (kind === "province" && !subtype)
    return {
      path: "body.subtype",
      message: "đơn vị cấp tỉnh cần loại: tỉnh (province) hoặc thành phố (city)",
      messageEn: "province-level units need a subtype: province or city",
    };
  if (kind !== "province" && subtype)
    return {
      path: "body.subtype",
      message: "chỉ đơn vị cấp tỉnh có loại tỉnh/thành phố",
      messageEn: "only province-level units have a subtype",
    };
  return undefined;
}

/** Creates one unit; the code must be new and the parent must exist. */
export async function createOrgUnit(
  db: Db,
  u: OrgUnitDef,
  ctx: ChangeContext,
  paths: ValidityPaths = { validFrom: "validFrom", validTo: "validTo" },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, u.code));
    if (dup) throw new AppError("DUPLICATE_CODE", { code: u.code, entity: "org_unit" });
    await assertValidity(
      tx,
      u.code,
      null,
      { validFrom: u.validFrom ?? null, validTo: u.validTo ?? null },
      paths,
    );
    let parentId: string | null = null;
    if (u.parent) {
      const [p] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, u.parent));
      if (!p) throw notFound("org_unit", u.parent);
      parentId = p.id;
    }
    const [row] = await tx
      .insert(orgUnits)
      .values({ ...rowValues(u), parentId })
      .returning({ id: orgUnits.id });
    if (!row) throw new AppError("INTERNAL");
    await syncRollupClosure(tx);
    await audit(tx, ctx, {
      action: "org_unit.create",
      entityType: "org_unit",
      entityId: u.code,
      after: rowValues(u),
    });
    return row.id;
  });
}

/**
 * Updates a unit; moving it under one of its own descendants is refused, and so is a validity that
 * ends before it starts or leaves its values or sub-units outside it.
 */
export async function updateOrgUnit(
  db: Db,
  code: string,
  patch: OrgUnitPatch,
  ctx: ChangeContext,
  paths: ValidityPaths = { validFrom: "validFrom", validTo: "validTo" },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.code, code));
    if (!unit) throw notFound("org_unit", code);
    const kind = patch.kind ?? unit.kind;
    // A unit leaving the province level drops its subtype unless the patch names one.
    const subtype = patch.subtype !== undefined ? patch.subtype : kind === "province" ? unit.subtype : null;
    const kindProblem = subtypeProblem(kind, subtype);
    if (kindProblem)
      throw new AppError(
        "VALIDATION_FAILED",
        { summary: `subtype: ${kindProblem.message}`, summaryEn: `subtype: ${kindProblem.messageEn}` },
        [kindProblem],
      );
    if (patch.validFrom !== undefined || patch.validTo !== undefined)
      await assertValidity(
        tx,
        code,
        unit.id,
        {
          validFrom: patch.validFrom !== undefined ? patch.validFrom : unit.validFrom,
          validTo: patch.validTo !== undefined ? patch.validTo : unit.validTo,
        },
        paths,
      );
    let parentId = unit.parentId;
    if (patch.parent !== undefined) {
      if (patch.parent === null) parentId = null;
      else {
        const [p] = await tx
          .select({ id: orgUnits.id })
          .from(orgUnits)
          .where(eq(orgUnits.code, patch.parent));
        if (!p) throw notFound("org_unit", patch.parent);
        if (await wouldCreateCycle(tx, unit.id, p.id))
          throw new AppError("ORG_UNIT_CYCLE", { code, parent: patch.parent }, [
            {
              path: "body.parent",
              message: `“${patch.parent}” là “${code}” hoặc thuộc “${code}”`,
              messageEn: `“${patch.parent}” is “${code}” or one of its sub-units`,
            },
          ]);
        parentId = p.id;
      }
    }
    await tx
      .update(orgUnits)
      .set({
        parentId,
        kind,
        subtype,
        ...(patch.name ? { nameVi: patch.name.vi, nameEn: patch.name.en ?? unit.nameEn } : {}),
        ...(patch.validFrom !== undefined ? { validFrom: patch.validFrom } : {}),
        ...(patch.validTo !== undefined ? { validTo: patch.validTo } : {}),
        ...(patch.adminCode !== undefined ? { adminCode: patch.adminCode } : {}),
        updatedAt: new Date(),
      })
      .where(eq(orgUnits.id, unit.id));
    const [after] = await tx.select().from(orgUnits).where(eq(orgUnits.id, unit.id));
    if (parentId !== unit.parentId) await syncRollupClosure(tx);
    await audit(tx, ctx, {
      action: "org_unit.update",
      entityType: "org_unit",
      entityId: code,
      before: unit,
      after,
    });
  });
}

/** Retires a unit from a date (it stays for history and lineage). */
export async function retireOrgUnit(
  db: Db,
  code: string,
  validTo: string,
  ctx: ChangeContext,
  paths: ValidityPaths = { validFrom: "validFrom", validTo: "validTo" },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.code, code));
    if (!unit) throw notFound("org_unit", code);
    await assertValidity(tx, code, unit.id, { validFrom: unit.validFrom, validTo }, paths);
    const rows = await tx
      .update(orgUnits)
      .set({ validTo, updatedAt: new Date() })
      .where(eq(orgUnits.code, code))
      .returning({ id: orgUnits.id });
    if (rows.length === 0) throw notFound("org_unit", code);
    await audit(tx, ctx, {
      action: "org_unit.retire",
      entityType: "org_unit",
      entityId: code,
      after: { validTo },
    });
  });
}
