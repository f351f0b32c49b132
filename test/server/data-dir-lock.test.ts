import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "../../src/db/data-dir-lock.js";

describe("DATA_DIR lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is exclusive while its holder lives and released on release()", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    await new Promise((r) => setTimeout(r, 100));
    const file = path.join(dir, "chinam.lock");
    writeFileSync(file, JSON.stringify({ pid: child.pid, hostname: hostname(), holder: "the Chỉ Nam server", startedAt: "now" }));
    try {
      expect(() => acquireDataDirLock(dir, "test")).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir, "test")).toThrow(/the Chỉ Nam server \(pid \d+/);
    } finally {
      child.kill();
    }
  });

  it("recovers a stale lock left by a process that is gone", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => child.on("exit", r));
    writeFileSync(path.join(dir, "chinam.lock"), JSON.stringify({ pid: child.pid, hostname: hostname(), holder: "x", startedAt: "then" }));
    const lock = acquireDataDirLock(dir, "test");
    expect(lock.recoveredStale).toBe(true);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("recovers a torn lock file", () => {
    writeFileSync(path.join(dir, "chinam.lock"), "{ not json");
    const lock = acquireDataDirLock(dir, "test");
    expect(lock.recoveredStale).toBe(true);
    lock.release();
  });
});
