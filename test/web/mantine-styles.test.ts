/**
 * The app loads Mantine's styles per component (src/web/app/mantine.css) instead of the whole
 * 300 KB sheet. A component imported from @mantine/core whose styles are missing from that list
 * renders unstyled, and nothing else would notice: this test reads every import in src/web and
 * the components each one builds on, and fails on a missing or misspelt sheet.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const webDir = path.join(root, "src/web");
const stylesDir = path.join(root, "node_modules/@mantine/core/styles");
const sheet = readFileSync(path.join(webDir, "app/mantine.css"), "utf8");

/** Components whose styles Mantine composes from others (from its documentation and sources). */
const BUILDS_ON: Record<string, string[]> = {
  Select: ["Combobox", "Input", "Popover", "ScrollArea"],
  MultiSelect: ["Combobox", "Input", "Popover", "ScrollArea", "Pill", "PillsInput"],
  TextInput: ["Input"],
  PasswordInput: ["Input", "ActionIcon"],
  Modal: ["ModalBase", "Overlay", "CloseButton"],
  Drawer: ["ModalBase", "Overlay", "CloseButton"],
  Alert: ["CloseButton"],
  Button: ["UnstyledButton", "Loader"],
  Tabs: ["UnstyledButton"],
  SegmentedControl: ["FloatingIndicator"],
  Anchor: ["Text"],
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function importedComponents(): Set<string> {
  const names = new Set<string>();
  const pattern = /import\s*\{([^}]+)\}\s*from\s*"@mantine\/core"/g;
  for (const file of sources(webDir))
    for (const m of readFileSync(file, "utf8").matchAll(pattern))
      for (const raw of (m[1] ?? "").split(",")) {
        const name = raw.trim();
        // Types and non-component exports have no styles.
        if (name && !name.startsWith("type ") && /^[A-Z]/.test(name)) names.add(name);
      }
  return names;
}

const listed = new Set(
  [...sheet.matchAll(/@import "@mantine\/core\/styles\/([\w-]+)\.css";/g)].map((m) => m[1]),
);

describe("Mantine styles per component", () => {
  it("lists an existing sheet for every entry", () => {
    expect(listed.size).toBeGreaterThan(10);
    for (const name of listed) expect(existsSync(path.join(stylesDir, `${name}.css`)), name).toBe(true);
  });

  it("loads the base sheets first", () => {
    expect([...listed].slice(0, 3)).toEqual(["baseline", "default-css-variables", "global"]);
  });

  it("covers every component the app imports, and what each builds on", () => {
    const components = importedComponents();
    expect(components.has("Button")).toBe(true);
    const missing: string[] = [];
    for (const name of components)
      for (const need of [name, ...(BUILDS_ON[name] ?? [])])
        if (existsSync(path.join(stylesDir, `${need}.css`)) && !listed.has(need))
          missing.push(`${need} (for ${name})`);
    expect(missing).toEqual([]);
  });
});
