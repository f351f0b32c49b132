import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, configDocs, configSchema, loadConfig } from "../../src/server/core/config.js";

describe("configuration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has working defaults and picks the embedded database without DATABASE_URL", () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.PORT).toBe(3000);
    expect(c.database).toBe("pglite");
    expect(c.MAX_UPLOAD_MB).toBe(512);
    expect(c.TRUST_PROXY).toBe(false);
    expect(c.dataDir).toBe(path.resolve(dir));
  });

  it("generates the session secret once, keeps it private in DATA_DIR, and reuses it", () => {
    const a = loadConfig({ DATA_DIR: dir }).SESSION_SECRET;
    const b = loadConfig({ DATA_DIR: dir }).SESSION_SECRET;
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "secrets.json");
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(a);
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: "s".repeat(40) }).SESSION_SECRET).toBe("s".repeat(40));
  });

  it("rejects bad values naming the variable", () => {
    expect(() => loadConfig({ DATA_DIR: dir, PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, PORT: "70000" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATA_DIR: dir, SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
  });

  it("parses TRUST_PROXY as a boolean, a hop count or a list", () => {
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "10.0.0.1, 10.0.0.0/8" }).TRUST_PROXY).toEqual([
      "10.0.0.1",
      "10.0.0.0/8",
    ]);
  });

  it("documents every variable, and README.md lists every one", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const key of Object.keys(configSchema.shape)) {
      expect(configDocs).toHaveProperty(key);
      expect(readme, key).toContain(`\`${key}\``);
    }
  });
});
