/**
 * app.css repeats the theme's typefaces and heading weight for what is painted before Mantine
 * starts (the header frame, the server's first screen of `/`): they must stay equal to theme.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { theme } from "../../src/web/app/theme.js";

const css = readFileSync("src/web/app/app.css", "utf8");
const root = css.match(/:root\s*\{([^}]*)\}/)?.[1] ?? "";
const vars = new Map(
  [...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? "", (m[2] ?? "").trim()]),
);

describe("the theme's values painted before the app starts", () => {
  it("names the theme's typefaces", () => {
    expect(vars.get("--mantine-font-family")).toBe(theme.fontFamily);
    expect(vars.get("--mantine-font-family-headings")).toBe(theme.headings?.fontFamily);
  });

  it("gives headings the theme's weight", () => {
    const weight = theme.headings?.fontWeight;
    expect(weight).toBeDefined();
    for (const name of [
      "--mantine-heading-font-weight",
      "--mantine-h1-font-weight",
      "--mantine-h2-font-weight",
      "--mantine-h3-font-weight",
    ])
      expect(vars.get(name), name).toBe(weight);
  });
});
