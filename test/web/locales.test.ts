/**
 * The web app's strings: every namespace exists in Vietnamese and English with the same keys,
 * no empty string, the same {{placeholders}}; and every key the source asks for with t("…")
 * exists. Plural forms are compared by their base key (Vietnamese has only `_other`, English
 * `_one` and `_other`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const i18nDir = path.join(root, "src/web/i18n");
const languages = ["vi", "en"] as const;
type Tree = { [key: string]: unknown };

const PLURAL = /_(zero|one|two|few|many|other)$/;

function load(lang: string): Map<string, Tree> {
  const out = new Map<string, Tree>();
  for (const file of readdirSync(path.join(i18nDir, lang))
    .filter((f) => f.endsWith(".json"))
    .sort())
    out.set(file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(i18nDir, lang, file), "utf8")));
  return out;
}

/** Every leaf as "a.b.c" → value. */
function leaves(tree: Tree, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) leaves(v as Tree, key, out);
    else out.set(key, v);
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? "").sort();

const bundles = Object.fromEntries(languages.map((l) => [l, load(l)])) as Record<
  (typeof languages)[number],
  Map<string, Tree>
>;

describe("locale files", () => {
  it("have the same namespaces in both languages", () => {
    expect([...bundles.en.keys()]).toEqual([...bundles.vi.keys()]);
    expect(bundles.vi.size).toBeGreaterThan(0);
  });

  for (const ns of bundles.vi.keys()) {
    describe(`namespace ${ns}`, () => {
      const vi = leaves(bundles.vi.get(ns) ?? {});
      const en = leaves(bundles.en.get(ns) ?? {});
      const base = (m: Map<string, unknown>) =>
        [...new Set([...m.keys()].map((k) => k.replace(PLURAL, "")))].sort();

      it("has the same keys in Vietnamese and English", () => {
        const v = base(vi);
        const e = base(en);
        expect(
          { onlyInVi: v.filter((k) => !e.includes(k)), onlyInEn: e.filter((k) => !v.includes(k)) },
          ns,
        ).toEqual({ onlyInVi: [], onlyInEn: [] });
      });

      it("has a non-empty string at every key, and `_other` for every plural", () => {
        for (const [lang, m] of [
          ["vi", vi],
          ["en", en],
        ] as const) {
          for (const [k, v] of m) {
            expect(typeof v, `${lang}/${ns}: ${k}`).toBe("string");
            expect(String(v).trim(), `${lang}/${ns}: ${k} is empty`).not.toBe("");
            const plural = PLURAL.exec(k);
            if (plural)
              expect(m.has(k.replace(PLURAL, "_other")), `${lang}/${ns}: ${k} without _other`).toBe(true);
          }
        }
      });

      it("uses the same {{placeholders}} in both languages", () => {
        const byBase = (m: Map<string, unknown>) => {
          const out = new Map<string, string[]>();
          for (const [k, v] of m) {
            const b = k.replace(PLURAL, "");
            out.set(b, [...new Set([...(out.get(b) ?? []), ...placeholders(String(v))])].sort());
          }
          return out;
        };
        const v = byBase(vi);
        const e = byBase(en);
        // {{count}} may appear in one language's plural forms only ("1 phiên" vs "one session").
        const strip = (xs: string[] | undefined) => (xs ?? []).filter((x) => x !== "count");
        for (const [k, names] of v) expect(strip(e.get(k)), `${ns}: ${k}`).toEqual(strip(names));
      });
    });
  }
});

/* ---- keys used in the source ---- */

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

interface Binding {
  at: number;
  name: string;
  namespaces: string[];
}

/** `const { t } = useTranslation("ns")`, `{ t: tc } = useTranslation(["a", "b"])`, `useTranslation()`. */
function bindings(src: string): Binding[] {
  const out: Binding[] = [];
  for (const m of src.matchAll(/\{([^{}]*)\}\s*=\s*useTranslation\(([^)]*)\)/g)) {
    const names = [...(m[1] ?? "").matchAll(/\bt\b(?:\s*:\s*(\w+))?/g)].map((x) => x[1] ?? "t");
    const namespaces = [...(m[2] ?? "").matchAll(/["'`]([\w-]+)["'`]/g)].map((x) => x[1] ?? "");
    for (const name of names)
      out.push({ at: m.index ?? 0, name, namespaces: namespaces.length ? namespaces : ["common"] });
  }
  return out;
}

interface Use {
  file: string;
  line: number;
  key: string;
  /** A template literal: only its constant prefix is known (`status.${s}` → "status."). */
  prefixOnly: boolean;
  namespaces: string[];
}

function keyUses(file: string): Use[] {
  const src = readFileSync(file, "utf8");
  const bound = bindings(src);
  const names = new Set(["t", ...bound.map((b) => b.name)]);
  const uses: Use[] = [];
  const callee = [...names].join("|");
  const call = new RegExp(
    `(?<![\\w$])(?:i18next\\.|i18n\\.)?(${callee})\\(\\s*(["'\`])((?:(?!\\2)[^\\\\]|\\\\.)*)\\2([^)]{0,200})`,
    "g",
  );
  for (const m of src.matchAll(call)) {
    const name = m[1] ?? "t";
    const quote = m[2];
    let key = m[3] ?? "";
    const rest = m[4] ?? "";
    const at = m.index ?? 0;
    let prefixOnly = false;
    if (quote === "`" && key.includes("${")) {
      key = key.slice(0, key.indexOf("${"));
      prefixOnly = true;
    }
    // The nearest binding above the call is the component's own useTranslation.
    const binding = bound.filter((b) => b.name === name && b.at < at).at(-1);
    const explicitNs = /\bns:\s*["'`]([\w-]+)["'`]/.exec(rest)?.[1];
    let namespaces = explicitNs ? [explicitNs] : (binding?.namespaces ?? []);
    const colon = key.indexOf(":");
    if (colon > 0 && /^[\w-]+$/.test(key.slice(0, colon))) {
      namespaces = [key.slice(0, colon)];
      key = key.slice(colon + 1);
    }
    if (!key && prefixOnly) continue; // t(`${whole}`): nothing to check
    uses.push({ file, line: src.slice(0, at).split("\n").length, key, prefixOnly, namespaces });
  }
  for (const m of src.matchAll(/i18nKey=["'{`]+([\w.:-]+)/g)) {
    const [ns, key] = (m[1] ?? "").includes(":") ? (m[1] ?? "").split(":") : [undefined, m[1]];
    uses.push({
      file,
      line: src.slice(0, m.index).split("\n").length,
      key: key ?? "",
      prefixOnly: false,
      namespaces: ns ? [ns] : (bound.filter((b) => b.at < (m.index ?? 0)).at(-1)?.namespaces ?? ["common"]),
    });
  }
  return uses;
}

function exists(tree: Tree | undefined, key: string, prefixOnly: boolean): boolean {
  if (!tree) return false;
  const flat = leaves(tree);
  if (prefixOnly) return [...flat.keys()].some((k) => k.startsWith(key));
  if (flat.has(key)) return true;
  return [...flat.keys()].some((k) => PLURAL.test(k) && k.replace(PLURAL, "") === key);
}

describe("keys used in src/web", () => {
  const files = sourceFiles(path.join(root, "src/web"));
  const uses = files.flatMap(keyUses);

  it("finds the t() calls (the scan itself works)", () => {
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.some((u) => u.key === "shell.skip" && u.namespaces.includes("common"))).toBe(true);
  });

  it("every key exists in both languages", () => {
    const missing: string[] = [];
    for (const u of uses) {
      // A helper given `t` by its caller: the key must exist in some namespace.
      const candidates = u.namespaces.length ? u.namespaces : [...bundles.vi.keys()];
      for (const lang of languages) {
        const found = candidates.some((ns) => exists(bundles[lang].get(ns), u.key, u.prefixOnly));
        if (!found)
          missing.push(
            `${path.relative(root, u.file)}:${u.line} ${lang}/${candidates.join("|")}: ${u.key}${u.prefixOnly ? "…" : ""}`,
          );
      }
    }
    expect(missing).toEqual([]);
  });
});
