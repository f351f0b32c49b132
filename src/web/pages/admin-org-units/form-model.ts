/**
 * The unit form's pure parts: the values it edits, the body of a create (POST /org-units) and of a
 * change (PATCH /org-units/{code}: only what changed), a check before sending, and the server's
 * refusal placed at its fields. Tested in test/web/admin-org-units-form.test.ts.
 */

export interface UnitValues {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  /** For province-level units: "province" or "city"; "" otherwise. */
  subtype: string;
  parent: string;
  validFrom: string;
  validTo: string;
  adminCode: string;
}

export type UnitField = keyof UnitValues;

export const emptyValues = (parent = ""): UnitValues => ({
  code: "",
  nameVi: "",
  nameEn: "",
  kind: "agency",
  subtype: "",
  parent,
  validFrom: "",
  validTo: "",
  adminCode: "",
});

interface Unit {
  code: string;
  kind: string;
  subtype: string | null;
  name: { vi: string; en: string | null };
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  adminCode: string | null;
}

export function valuesOf(u: Unit): UnitValues {
  return {
    code: u.code,
    nameVi: u.name.vi,
    nameEn: u.name.en ?? "",
    kind: u.kind,
    subtype: u.subtype ?? "",
    parent: u.parent ?? "",
    validFrom: u.validFrom ?? "",
    validTo: u.validTo ?? "",
    adminCode: u.adminCode ?? "",
  };
}

const t = (s: string) => s.trim();
const orNull = (s: string) => (t(s) === "" ? null : t(s));

/** The body of POST /org-units (empty fields left out). */
export function createBody(v: UnitValues) {
  const en = t(v.nameEn);
  return {
    code: t(v.code),
    kind: v.kind,
    name: en ? { vi: t(v.nameVi), en } : { vi: t(v.nameVi) },
    ...(v.kind === "province" && v.subtype ? { subtype: v.subtype } : {}),
    ...(t(v.parent) ? { parent: t(v.parent) } : {}),
    ...(t(v.validFrom) ? { validFrom: t(v.validFrom) } : {}),
    ...(t(v.validTo) ? { validTo: t(v.validTo) } : {}),
    ...(t(v.adminCode) ? { adminCode: t(v.adminCode) } : {}),
    lineage: [],
  };
}

export interface PatchBody {
  name?: { vi: string; en?: string };
  kind?: string;
  subtype?: string | null;
  parent?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  adminCode?: string | null;
}

/**
 * The body of PATCH /org-units/{code}: only the fields that changed, so a change of name does not
 * also re-send (and re-check) a validity nobody touched. An English name emptied is kept (the API
 * keeps it when none is sent).
 */
export function patchBody(before: UnitValues, v: UnitValues): PatchBody {
  const out: PatchBody = {};
  if (t(v.nameVi) !== before.nameVi || t(v.nameEn) !== before.nameEn) {
    const en = t(v.nameEn);
    out.name = en ? { vi: t(v.nameVi), en } : { vi: t(v.nameVi) };
  }
  if (v.kind !== before.kind) out.kind = v.kind;
  const subtype = v.kind === "province" ? v.subtype || null : null;
  // A unit leaving the province level loses its subtype on the server: nothing to send.
  if (v.kind === "province" && subtype !== (before.subtype || null)) out.subtype = subtype;
  if (t(v.parent) !== before.parent) out.parent = orNull(v.parent);
  if (t(v.validFrom) !== before.validFrom) out.validFrom = orNull(v.validFrom);
  if (t(v.validTo) !== before.validTo) out.validTo = orNull(v.validTo);
  if (t(v.adminCode) !== before.adminCode) out.adminCode = orNull(v.adminCode);
  return out;
}

export type Problem = "required" | "codeFormat" | "subtypeRequired" | "dateOrder";

/** What the form refuses before sending (the server checks all of it again). */
export function problems(v: UnitValues, creating: boolean): Partial<Record<UnitField, Problem>> {
  const out: Partial<Record<UnitField, Problem>> = {};
  if (creating) {
    if (!t(v.code)) out.code = "required";
    else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(t(v.code))) out.code = "codeFormat";
  }
  if (!t(v.nameVi)) out.nameVi = "required";
  if (v.kind === "province" && !v.subtype) out.subtype = "subtypeRequired";
  if (t(v.validFrom) && t(v.validTo) && t(v.validTo) < t(v.validFrom)) out.validTo = "dateOrder";
  return out;
}

interface Refusal {
  code: string;
  message: string;
  details: readonly unknown[];
}

/**
 * The server's refusal at the fields it names (`body.parent`, `body.name.vi`, `querystring.validTo`):
 * each field its detail's message. A duplicate code and an unknown parent carry no detail; they
 * belong to the code and parent fields.
 */
export function fieldErrors(err: Refusal): Partial<Record<UnitField, string>> {
  const out: Partial<Record<UnitField, string>> = {};
  for (const d of err.details) {
    if (!d || typeof d !== "object") continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path !== "string" || typeof message !== "string") continue;
    const field = fieldOfPath(path);
    if (field) out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  if (err.code === "DUPLICATE_CODE" && !out.code) out.code = err.message;
  if ((err.code === "NOT_FOUND" || err.code === "ORG_UNIT_CYCLE") && !out.parent) out.parent = err.message;
  return out;
}

const FIELDS: Record<string, UnitField> = {
  code: "code",
  "name.vi": "nameVi",
  "name.en": "nameEn",
  name: "nameVi",
  kind: "kind",
  subtype: "subtype",
  parent: "parent",
  validFrom: "validFrom",
  validTo: "validTo",
  adminCode: "adminCode",
};

export function fieldOfPath(path: string): UnitField | undefined {
  const rest = path.replace(/^(body|querystring)\./, "");
  return FIELDS[rest] ?? FIELDS[rest.split(".")[0] ?? ""];
}

/** A refusal's details by field name (`body.email` → `email`), for the profile and focal-person forms. */
export function detailsByField(details: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    if (!d || typeof d !== "object") continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path !== "string" || typeof message !== "string") continue;
    const field = path.replace(/^body\./, "").split(".")[0] ?? "";
    if (field) out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  return out;
}

/** Text fields as the API takes them: trimmed, an emptied one as null (cleared). */
export function textBody<K extends string>(v: Record<K, string>): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const k of Object.keys(v) as K[]) out[k] = v[k].trim() === "" ? null : v[k].trim();
  return out;
}
