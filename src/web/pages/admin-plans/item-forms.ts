/**
 * The forms of a plan's systems, initiatives and projects: which fields each has, their values
 * read from the item, and the body to send (POST for a new item, PATCH of the same fields for an
 * existing one: the server applies it to the item's current definition). Problems name a field
 * and an i18n key; nothing is sent while there is one.
 */
import type {
  InitiativeBody,
  InitiativePatch,
  NewIndicatorBody,
  ProjectBody,
  ProjectPatch,
  SystemBody,
  SystemPatch,
} from "../../api/admin-plans.js";
import type { Initiative, System } from "../../api/plans.js";

export type ItemKind = "systems" | "initiatives" | "projects";
export type Values = Record<string, string | boolean>;

export interface FieldSpec {
  name: string;
  kind: "text" | "number" | "select" | "checkbox" | "codes";
  required?: boolean;
  /** For selects: the option values (labels are i18n keys `items.options.<name>.<value>` unless `free`). */
  options?: readonly string[];
  /** Options are codes shown as they are (a plan's systems), with an empty "none" first when not required. */
  free?: boolean;
  /** Set when the item is created, fixed afterwards (the code). */
  createOnly?: boolean;
}

export const SYSTEM_KINDS = ["strategic", "special_projects"] as const;
export const PROJECT_KINDS = ["special_important", "national_group_a", "national_group_b", "other"] as const;

export function itemFields(kind: ItemKind, systemCodes: readonly string[]): FieldSpec[] {
  const code: FieldSpec = { name: "code", kind: "text", required: true, createOnly: true };
  if (kind === "systems")
    return [
      code,
      { name: "number", kind: "number", required: true },
      { name: "kind", kind: "select", required: true, options: SYSTEM_KINDS },
      { name: "nameVi", kind: "text", required: true },
      { name: "nameEn", kind: "text" },
    ];
  if (kind === "initiatives")
    return [
      code,
      { name: "number", kind: "number", required: true },
      { name: "system", kind: "select", required: true, options: systemCodes, free: true },
      { name: "titleVi", kind: "text", required: true },
      { name: "titleEn", kind: "text" },
      { name: "leadUnit", kind: "text" },
    ];
  return [
    code,
    { name: "kind", kind: "select", required: true, options: PROJECT_KINDS },
    { name: "nameVi", kind: "text", required: true },
    { name: "nameEn", kind: "text" },
    { name: "system", kind: "select", options: systemCodes, free: true },
    { name: "initiatives", kind: "codes" },
    { name: "ownerUnit", kind: "text" },
    { name: "hasStdxComponent", kind: "checkbox" },
  ];
}

export interface ProjectItem {
  code: string;
  kind: string;
  name: { vi: string; en: string | null };
  system: string | null;
  initiatives: string[];
  ownerUnit: string | null;
  hasStdxComponent: boolean;
}

export function systemValues(s: System | null): Values {
  return {
    code: s?.code ?? "",
    number: s ? String(s.number) : "",
    kind: s?.kind ?? "strategic",
    nameVi: s?.name.vi ?? "",
    nameEn: s?.name.en ?? "",
  };
}

export function initiativeValues(i: Initiative | null, system = ""): Values {
  return {
    code: i?.code ?? "",
    number: i ? String(i.number) : "",
    system: i?.system ?? system,
    titleVi: i?.title.vi ?? "",
    titleEn: i?.title.en ?? "",
    leadUnit: i?.leadUnit ?? "",
  };
}

export function projectValues(p: ProjectItem | null): Values {
  return {
    code: p?.code ?? "",
    kind: p?.kind ?? "other",
    nameVi: p?.name.vi ?? "",
    nameEn: p?.name.en ?? "",
    system: p?.system ?? "",
    initiatives: p?.initiatives.join(", ") ?? "",
    ownerUnit: p?.ownerUnit ?? "",
    hasStdxComponent: p?.hasStdxComponent ?? false,
  };
}

export interface ItemProblem {
  field: string;
  key: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const str = (v: string | boolean | undefined) => (typeof v === "string" ? v.trim() : "");
const text = (vi: string, en: string) => ({ vi, ...(en ? { en } : {}) });

export type ItemBody =
  | { kind: "indicators"; post: NewIndicatorBody; patch: null }
  | { kind: "systems"; post: SystemBody; patch: SystemPatch }
  | { kind: "initiatives"; post: InitiativeBody; patch: InitiativePatch }
  | { kind: "projects"; post: ProjectBody; patch: ProjectPatch };

/** The bodies to send for the form's values, or the problems. */
export function itemBody(
  kind: ItemKind,
  values: Values,
  fields: readonly FieldSpec[],
): { body: ItemBody | null; problems: ItemProblem[] } {
  const problems: ItemProblem[] = [];
  for (const f of fields) {
    const v = str(values[f.name]);
    if (f.required && f.kind !== "checkbox" && v === "")
      problems.push({ field: f.name, key: "items.problems.required" });
    else if (f.kind === "number" && v !== "" && !/^[1-9]\d{0,5}$/.test(v))
      problems.push({ field: f.name, key: "items.problems.number" });
    else if (
      (f.name === "code" || f.name === "leadUnit" || f.name === "ownerUnit") &&
      v !== "" &&
      !CODE.test(v)
    )
      problems.push({ field: f.name, key: "items.problems.code" });
  }
  const codes = str(values.initiatives)
    .split(/[\s,;]+/)
    .filter((c) => c !== "");
  if (kind === "projects" && codes.some((c) => !CODE.test(c)))
    problems.push({ field: "initiatives", key: "items.problems.code" });
  if (problems.length > 0) return { body: null, problems };

  const code = str(values.code);
  if (kind === "systems") {
    const patch = {
      number: Number(str(values.number)),
      kind: str(values.kind) as SystemBody["kind"] & string,
      name: text(str(values.nameVi), str(values.nameEn)),
    };
    return { body: { kind, post: { code, ...patch }, patch }, problems };
  }
  if (kind === "initiatives") {
    const lead = str(values.leadUnit);
    const patch = {
      number: Number(str(values.number)),
      system: str(values.system),
      title: text(str(values.titleVi), str(values.titleEn)),
      ...(lead ? { leadUnit: lead } : {}),
    };
    return { body: { kind, post: { code, ...patch }, patch }, problems };
  }
  const system = str(values.system);
  const owner = str(values.ownerUnit);
  const patch = {
    kind: str(values.kind) as ProjectBody["kind"],
    name: text(str(values.nameVi), str(values.nameEn)),
    ...(system ? { system } : {}),
    initiatives: codes,
    ...(owner ? { ownerUnit: owner } : {}),
    hasStdxComponent: values.hasStdxComponent === true,
  };
  return { body: { kind, post: { code, ...patch }, patch }, problems };
}

export const INDICATOR_TIERS = ["objective", "target", "kpi", "operational"] as const;

export function newIndicatorFields(systemCodes: readonly string[]): FieldSpec[] {
  return [
    { name: "code", kind: "text", required: true, createOnly: true },
    { name: "tier", kind: "select", required: true, options: INDICATOR_TIERS },
    { name: "nameVi", kind: "text", required: true },
    { name: "nameEn", kind: "text" },
    { name: "unitVi", kind: "text" },
    { name: "system", kind: "select", options: systemCodes, free: true },
    { name: "initiatives", kind: "codes" },
  ];
}

export const newIndicatorValues = (system = ""): Values => ({
  code: "",
  tier: "kpi",
  nameVi: "",
  nameEn: "",
  unitVi: "",
  system,
  initiatives: "",
});

/** A new indicator of the plan (its other fields take the definition's defaults, edited afterwards). */
export function newIndicatorBody(
  values: Values,
  fields: readonly FieldSpec[],
): { body: NewIndicatorBody | null; problems: ItemProblem[] } {
  const problems: ItemProblem[] = [];
  for (const f of fields) {
    const v = str(values[f.name]);
    if (f.required && v === "") problems.push({ field: f.name, key: "items.problems.required" });
    else if (f.name === "code" && !CODE.test(v)) problems.push({ field: f.name, key: "items.problems.code" });
  }
  const initiatives = str(values.initiatives)
    .split(/[\s,;]+/)
    .filter((c) => c !== "");
  if (initiatives.some((c) => !CODE.test(c)))
    problems.push({ field: "initiatives", key: "items.problems.code" });
  if (problems.length > 0) return { body: null, problems };
  const system = str(values.system);
  const unit = str(values.unitVi);
  return {
    body: {
      code: str(values.code),
      tier: str(values.tier) as NewIndicatorBody["tier"],
      name: text(str(values.nameVi), str(values.nameEn)),
      ...(unit ? { unit } : {}),
      systems: system ? [system] : [],
      initiatives,
    },
    problems,
  };
}

/** What the add/change modal edits: a structural item, or a new indicator. */
export type FormKind = ItemKind | "indicators";

export function fieldsOf(kind: FormKind, systemCodes: readonly string[]): FieldSpec[] {
  return kind === "indicators" ? newIndicatorFields(systemCodes) : itemFields(kind, systemCodes);
}

export function bodyOf(
  kind: FormKind,
  values: Values,
  fields: readonly FieldSpec[],
): { body: ItemBody | null; problems: ItemProblem[] } {
  if (kind !== "indicators") return itemBody(kind, values, fields);
  const r = newIndicatorBody(values, fields);
  return { body: r.body ? { kind, post: r.body, patch: null } : null, problems: r.problems };
}
