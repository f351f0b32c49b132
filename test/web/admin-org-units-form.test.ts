/** The unit form's pure parts: create and change bodies, checks before sending, refusals at fields. */
import { describe, expect, it } from "vitest";
import {
  createBody,
  detailsByField,
  emptyValues,
  fieldErrors,
  fieldOfPath,
  patchBody,
  problems,
  textBody,
  valuesOf,
} from "../../src/web/pages/admin-org-units/form-model.js";

const unit = {
  code: "SO-KHCN",
  kind: "agency",
  subtype: null,
  name: { vi: "Sở Khoa học", en: null },
  parent: "HA-NOI",
  validFrom: "2025-07-01",
  validTo: null,
  adminCode: null,
};
const before = valuesOf(unit);

describe("createBody", () => {
  it("trims, leaves empty fields out, and starts under the chosen parent", () => {
    const v = { ...emptyValues("HA-NOI"), code: " SO-1 ", nameVi: " Sở " };
    expect(createBody(v)).toEqual({
      code: "SO-1",
      kind: "agency",
      name: { vi: "Sở" },
      parent: "HA-NOI",
      lineage: [],
    });
  });
  it("sends the English name, dates, code and a province's subtype", () => {
    const v = {
      ...emptyValues(),
      code: "P",
      nameVi: "Tỉnh P",
      nameEn: "P Province",
      kind: "province",
      subtype: "province",
      validFrom: "2025-07-01",
      validTo: "2030-01-01",
      adminCode: "99",
    };
    expect(createBody(v)).toEqual({
      code: "P",
      kind: "province",
      subtype: "province",
      name: { vi: "Tỉnh P", en: "P Province" },
      validFrom: "2025-07-01",
      validTo: "2030-01-01",
      adminCode: "99",
      lineage: [],
    });
    expect(createBody({ ...v, kind: "agency" })).not.toHaveProperty("subtype");
  });
});

describe("patchBody", () => {
  it("is empty when nothing changed", () => {
    expect(patchBody(before, { ...before })).toEqual({});
  });
  it("sends only the fields that changed, emptied ones as null", () => {
    expect(patchBody(before, { ...before, parent: "", validFrom: "", adminCode: "01" })).toEqual({
      parent: null,
      validFrom: null,
      adminCode: "01",
    });
    expect(patchBody(before, { ...before, parent: "DA-NANG" })).toEqual({ parent: "DA-NANG" });
  });
  it("sends both names when one changed, without an emptied English name", () => {
    expect(patchBody(before, { ...before, nameEn: "Science Department" })).toEqual({
      name: { vi: "Sở Khoa học", en: "Science Department" },
    });
    const withEn = { ...before, nameEn: "X" };
    expect(patchBody(withEn, { ...withEn, nameVi: "Sở mới", nameEn: "" })).toEqual({
      name: { vi: "Sở mới" },
    });
  });
  it("sends a kind with its subtype when becoming province-level, and no subtype when leaving", () => {
    expect(patchBody(before, { ...before, kind: "province", subtype: "city" })).toEqual({
      kind: "province",
      subtype: "city",
    });
    const prov = { ...before, kind: "province", subtype: "city" };
    expect(patchBody(prov, { ...prov, kind: "institute" })).toEqual({ kind: "institute" });
    expect(patchBody(prov, { ...prov, subtype: "province" })).toEqual({ subtype: "province" });
  });
});

describe("problems", () => {
  it("asks for a code (in its format) only when creating, and a Vietnamese name", () => {
    expect(problems(emptyValues(), true)).toEqual({ code: "required", nameVi: "required" });
    expect(problems({ ...emptyValues(), code: "-x", nameVi: "A" }, true)).toEqual({ code: "codeFormat" });
    expect(problems({ ...before, code: "" }, false)).toEqual({});
  });
  it("asks a province-level unit for its subtype and refuses an end before the start", () => {
    expect(problems({ ...before, kind: "province" }, false)).toEqual({ subtype: "subtypeRequired" });
    expect(problems({ ...before, validTo: "2025-06-30" }, false)).toEqual({ validTo: "dateOrder" });
    expect(problems({ ...before, validTo: "2025-07-01" }, false)).toEqual({});
  });
});

describe("refusals at fields", () => {
  it("maps request paths to fields", () => {
    expect(fieldOfPath("body.parent")).toBe("parent");
    expect(fieldOfPath("body.name.vi")).toBe("nameVi");
    expect(fieldOfPath("body.name.en")).toBe("nameEn");
    expect(fieldOfPath("querystring.validTo")).toBe("validTo");
    expect(fieldOfPath("body.lineage.0.unit")).toBeUndefined();
  });
  it("puts a cycle at the parent with the server's detail, joining two on one field", () => {
    expect(
      fieldErrors({
        code: "ORG_UNIT_CYCLE",
        message: "Không thể đặt “B” làm đơn vị cấp trên của “A”",
        details: [{ path: "body.parent", message: "“B” thuộc “A”" }],
      }),
    ).toEqual({ parent: "“B” thuộc “A”" });
    expect(
      fieldErrors({
        code: "ORG_UNIT_VALIDITY",
        message: "…",
        details: [
          { path: "body.validTo", message: "một" },
          { path: "body.validTo", message: "hai" },
          "junk",
          { path: 3, message: "x" },
        ],
      }),
    ).toEqual({ validTo: "một; hai" });
  });
  it("puts a cycle or unknown parent without details at the parent, a duplicate code at the code", () => {
    expect(fieldErrors({ code: "ORG_UNIT_CYCLE", message: "vòng lặp", details: [] })).toEqual({
      parent: "vòng lặp",
    });
    expect(fieldErrors({ code: "NOT_FOUND", message: "không có", details: [] })).toEqual({
      parent: "không có",
    });
    expect(fieldErrors({ code: "DUPLICATE_CODE", message: "trùng", details: [] })).toEqual({ code: "trùng" });
    expect(fieldErrors({ code: "FORBIDDEN", message: "cấm", details: [] })).toEqual({});
  });
  it("reads the profile forms' details by field, and sends emptied text as null", () => {
    expect(
      detailsByField([{ path: "body.email", message: "sai" }, { path: "body.website", message: "x" }, null]),
    ).toEqual({
      email: "sai",
      website: "x",
    });
    expect(textBody({ a: " x ", b: "  " })).toEqual({ a: "x", b: null });
  });
});
