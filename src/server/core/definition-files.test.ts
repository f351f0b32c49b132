import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "./definition-files.js";
import { AppError } from "./errors.js";

/** Nine levels of nine aliases: 9^9 strings once expanded. */
const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((c, k) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[k]}`).join(",")}]`),
].join("\n");

const refusal = (text: string): AppError => {
  try {
    parseDefinitionText(text);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("accepted");
};

describe("definition files (plans, org units: HTTP and CLI)", () => {
  it("refuses an alias bomb at once, as the file's fault", () => {
    const started = Date.now();
    const err = refusal(bomb);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err.code).toBe("PLAN_DEFINITION_INVALID");
    expect(err.details?.[0]?.messageEn).toMatch(/too many YAML aliases/);
    expect(err.details?.[0]?.message).toMatch(/bí danh/);
  });

  it("refuses an alias to no anchor", () => {
    expect(refusal("a: *nowhere\n").details?.[0]?.messageEn).toMatch(/Invalid YAML alias/);
  });

  it("still reads a file that reuses a block a few times", () => {
    const file = parseDefinitionText("base: &b { vi: Tên }\nname: *b\nshortName: *b\n");
    expect(file.data).toEqual({ base: { vi: "Tên" }, name: { vi: "Tên" }, shortName: { vi: "Tên" } });
  });
});
