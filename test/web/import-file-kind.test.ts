/** The import wizard's check of a chosen file: by its name or type, then by its first bytes. */
import { describe, expect, it } from "vitest";
import { checkFile, kindByHead, kindByName } from "../../src/web/pages/import/file-kind.js";
import { formatSize } from "../../src/web/pages/import/file-size.js";

const bytes = (...b: number[]) => new Uint8Array(b);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0);
const PDF = new TextEncoder().encode("%PDF-1.7");
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const CSV = new TextEncoder().encode("indicat");
const file = (name: string, type = "", size = 100) => ({ name, type, size });

describe("file kind", () => {
  it("accepts an .xlsx that is a ZIP and a .csv that is text, whatever the case of the extension", () => {
    expect(checkFile(file("mau.XLSX"), ZIP)).toEqual({ ok: true, kind: "xlsx" });
    expect(checkFile(file("so-lieu.csv"), CSV)).toEqual({ ok: true, kind: "csv" });
    // A CSV saved by Excel with a UTF-8 byte-order mark, and one in UTF-16, are text.
    expect(checkFile(file("a.csv"), bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, kind: "csv" });
    expect(checkFile(file("a.csv"), bytes(0xff, 0xfe, 0x61, 0))).toEqual({ ok: true, kind: "csv" });
  });

  it("names other kinds by their extension", () => {
    expect(checkFile(file("bao-cao.pdf"), PDF)).toEqual({ ok: false, wrong: "pdf" });
    expect(checkFile(file("bao-cao.docx"), ZIP)).toEqual({ ok: false, wrong: "word" });
    expect(checkFile(file("cu.xls"), OLE)).toEqual({ ok: false, wrong: "xls" });
    expect(checkFile(file("anh.JPG"), PNG)).toEqual({ ok: false, wrong: "image" });
    expect(checkFile(file("bang.ods"), ZIP)).toEqual({ ok: false, wrong: "ods" });
    expect(checkFile(file("ghi-chu.txt"), CSV)).toEqual({ ok: false, wrong: "text" });
  });

  it("uses the browser's type when the name has no known extension", () => {
    expect(checkFile(file("scan", "application/pdf"), PDF)).toEqual({ ok: false, wrong: "pdf" });
    expect(checkFile(file("export", "text/csv"), CSV)).toEqual({ ok: true, kind: "csv" });
    expect(checkFile(file("noname"), CSV)).toEqual({ ok: false, wrong: "unknown" });
  });

  it("names a renamed file by its first bytes", () => {
    expect(checkFile(file("so-lieu.xlsx"), PDF)).toEqual({ ok: false, wrong: "pdf" });
    expect(checkFile(file("so-lieu.xlsx"), OLE)).toEqual({ ok: false, wrong: "xls" });
    expect(checkFile(file("so-lieu.xlsx"), CSV)).toEqual({ ok: false, wrong: "text" });
    expect(checkFile(file("so-lieu.csv"), ZIP)).toEqual({ ok: false, wrong: "zip" });
    expect(checkFile(file("so-lieu.csv"), PNG)).toEqual({ ok: false, wrong: "image" });
    expect(checkFile(file("so-lieu.csv"), bytes(0x1f, 0x8b, 8, 0))).toEqual({ ok: false, wrong: "archive" });
    expect(checkFile(file("so-lieu.csv"), bytes(0x61, 0, 0x62))).toEqual({ ok: false, wrong: "binary" });
  });

  it("refuses an empty file before anything else", () => {
    expect(checkFile(file("so-lieu.xlsx", "", 0), new Uint8Array())).toEqual({ ok: false, wrong: "empty" });
  });

  it("reads signatures as the server does", () => {
    expect(kindByHead(ZIP)).toBe("zip");
    expect(kindByHead(bytes(0x50, 0x4b, 0x05, 0x06))).toBe("zip");
    expect(kindByHead(PDF)).toBe("pdf");
    expect(kindByHead(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image");
    expect(kindByName("a.b.CSV")).toBe("csv");
    expect(kindByName("README")).toBeUndefined();
  });

  it("writes sizes in each language", () => {
    expect(formatSize(820, "vi")).toBe("820 B");
    expect(formatSize(12.4 * 1024, "vi")).toBe("12,4 KB");
    expect(formatSize(3.15 * 1024 * 1024, "en")).toBe("3.2 MB");
    expect(formatSize(51 * 1024 * 1024, "en")).toBe("51 MB");
    expect(formatSize(200 * 1024 * 1024, "vi")).toBe("200 MB");
  });
});
