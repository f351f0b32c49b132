import type { z } from "zod";
import { loc, optLoc } from "../../contracts/common.js";
import { isCurrent, type OrgUnitRow, type orgUnitRelations } from "./queries.js";
import type * as S from "./schema.js";

type OrgUnit = z.output<typeof S.orgUnit>;
type Rel = Awaited<ReturnType<typeof orgUnitRelations>>;

export function presentOrgUnit(row: OrgUnitRow, rel: Rel, today: string): OrgUnit {
  const code = (id: string) => rel.codes.get(id) ?? id;
  const kind = (k: string) => k as "merged_into" | "split_from" | "renamed_to";
  const name = (id: string) => rel.names.get(id) ?? null;
  return {
    code: row.code,
    kind: row.kind as OrgUnit["kind"],
    subtype: (row.subtype as OrgUnit["subtype"]) ?? null,
    name: loc(row.nameVi, row.nameEn),
    shortName: optLoc(row.shortNameVi, row.shortNameEn),
    parent: row.parentId ? code(row.parentId) : null,
    adminCode: row.adminCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    current: isCurrent(row, today),
    successors: rel.lineage
      .filter((l) => l.fromUnitId === row.id)
      .map((l) => ({
        kind: kind(l.kind),
        unit: code(l.toUnitId),
        name: name(l.toUnitId),
        effectiveOn: l.effectiveOn,
        note: optLoc(l.noteVi, l.noteEn),
      })),
    predecessors: rel.lineage
      .filter((l) => l.toUnitId === row.id)
      .map((l) => ({
        kind: kind(l.kind),
        unit: code(l.fromUnitId),
        name: name(l.fromUnitId),
        effectiveOn: l.effectiveOn,
        note: optLoc(l.noteVi, l.noteEn),
      })),
    note: optLoc(row.noteVi, row.noteEn),
  };
}
