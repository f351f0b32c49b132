/** The plan-file page's check of a chosen file: size, name, first bytes, and its text as UTF-8. */
import { describe, expect, it } from "vitest";
import {
  byteLength,
  checkPlanFile,
  claimByName,
  decodeText,
  headKind,
} from "../../src/web/pages/admin-plan-file/plan-file-kind.js";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0);
const PDF = text("%PDF-1.7");
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const GZIP = bytes(0x1f, 0x8b, 8, 0);
const YAML = text("code: NQ57\nname: Kế hoạch\n");
const MB = 1024 * 1024;
const file = (name: string, size = 100) => ({ name, size });

describe("plan file kind", () => {
  it("accepts YAML and JSON text by their extensions, whatever their case, and .txt as YAML", () => {
    expect(checkPlanFile(file("NQ57.yaml"), YAML, MB)).toEqual({ ok: true, format: "yaml" });
    expect(checkPlanFile(file("nq57.YML"), YAML, MB)).toEqual({ ok: true, format: "yaml" });
    expect(checkPlanFile(file("plan.Json"), text('{"code":"X"}'), MB)).toEqual({ ok: true, format: "json" });
    expect(checkPlanFile(file("ghi-chu.txt"), YAML, MB)).toEqual({ ok: true, format: "yaml" });
  });

  it("judges a name without a known extension by its bytes", () => {
    expect(checkPlanFile(file("ke-hoach"), YAML, MB)).toEqual({ ok: true, format: "yaml" });
    expect(checkPlanFile(file("ke-hoach.v2"), YAML, MB)).toEqual({ ok: true, format: "yaml" });
    expect(checkPlanFile(file("ke-hoach"), ZIP, MB)).toEqual({ ok: false, wrong: "archive" });
    expect(checkPlanFile(file("ke-hoach.dat"), bytes(1, 2, 0, 3), MB)).toEqual({
      ok: false,
      wrong: "binary",
    });
  });

  it("names other kinds plainly by their extension, before their bytes", () => {
    expect(checkPlanFile(file("chi-tieu.xlsx"), ZIP, MB)).toEqual({ ok: false, wrong: "spreadsheet" });
    expect(checkPlanFile(file("so-lieu.csv"), YAML, MB)).toEqual({ ok: false, wrong: "spreadsheet" });
    expect(checkPlanFile(file("cu.xls"), OLE, MB)).toEqual({ ok: false, wrong: "spreadsheet" });
    expect(checkPlanFile(file("ke-hoach.docx"), ZIP, MB)).toEqual({ ok: false, wrong: "word" });
    expect(checkPlanFile(file("trinh-bay.pptx"), ZIP, MB)).toEqual({ ok: false, wrong: "presentation" });
    expect(checkPlanFile(file("ke-hoach.pdf"), PDF, MB)).toEqual({ ok: false, wrong: "pdf" });
    expect(checkPlanFile(file("anh.JPG"), PNG, MB)).toEqual({ ok: false, wrong: "image" });
    expect(checkPlanFile(file("goi.zip"), ZIP, MB)).toEqual({ ok: false, wrong: "archive" });
  });

  it("refuses a file whose bytes contradict its .yaml or .json name", () => {
    expect(checkPlanFile(file("doi-ten.yaml"), ZIP, MB)).toEqual({ ok: false, wrong: "archive" });
    expect(checkPlanFile(file("doi-ten.json"), PDF, MB)).toEqual({ ok: false, wrong: "pdf" });
    expect(checkPlanFile(file("doi-ten.yaml"), PNG, MB)).toEqual({ ok: false, wrong: "image" });
    expect(checkPlanFile(file("doi-ten.yaml"), OLE, MB)).toEqual({ ok: false, wrong: "binary" });
    expect(checkPlanFile(file("doi-ten.yaml"), GZIP, MB)).toEqual({ ok: false, wrong: "archive" });
    expect(checkPlanFile(file("utf16.yaml"), bytes(0xff, 0xfe, 0x63, 0), MB)).toEqual({
      ok: false,
      wrong: "encoding",
    });
  });

  it("refuses an empty file, and one over the limit (the limit itself is allowed)", () => {
    expect(checkPlanFile(file("rong.yaml", 0), new Uint8Array(), MB)).toEqual({ ok: false, wrong: "empty" });
    expect(checkPlanFile(file("to.yaml", MB + 1), YAML, MB)).toEqual({ ok: false, wrong: "tooLarge" });
    expect(checkPlanFile(file("vua.yaml", MB), YAML, MB)).toEqual({ ok: true, format: "yaml" });
    // Size is checked before the name: a 2 GB spreadsheet is "too large", which says why at once.
    expect(checkPlanFile(file("to.xlsx", 2 * MB), ZIP, MB)).toEqual({ ok: false, wrong: "tooLarge" });
  });

  it("tells the head's kind and the name's claim on their own", () => {
    expect(headKind(YAML)).toBe("text");
    expect(headKind(bytes(0x50, 0x4b, 0x05, 0x06))).toBe("archive");
    expect(headKind(bytes(0xfe, 0xff, 0, 0x63))).toBe("encoding");
    expect(headKind(new Uint8Array())).toBe("text");
    expect(claimByName("no-extension")).toBeUndefined();
    expect(claimByName("a.b.YAML")).toBe("yaml");
  });

  it("decodes UTF-8 (dropping a byte-order mark) and refuses other encodings", () => {
    expect(decodeText(text("tên: Hà Nội"))).toBe("tên: Hà Nội");
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31))).toBe("a: 1");
    // "Hà" in Windows-1258 is not UTF-8.
    expect(decodeText(bytes(0x48, 0xe0))).toBeUndefined();
  });

  it("counts pasted text in UTF-8 bytes, as the server's limit does", () => {
    expect(byteLength("abc")).toBe(3);
    expect(byteLength("Hà Nội")).toBe(9); // à is 2 bytes, ộ 3
  });
});
