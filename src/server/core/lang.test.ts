import { describe, expect, it } from "vitest";
import { pickLang } from "./lang.js";

describe("pickLang", () => {
  it.each([
    [undefined, "vi"],
    ["", "vi"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["vi-VN,vi;q=0.9,en;q=0.8", "vi"],
    ["fr-FR,en;q=0.5", "en"],
    ["en;q=0.2,vi;q=0.8", "vi"],
    ["de", "vi"],
    ["en;q=0", "vi"],
  ])("%s -> %s", (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
