/**
 * PGlite is one process's database and has no lock of its own: the process that opens DATA_DIR
 * holds this lock file. A lock whose process is gone (a crash) is recovered; a live holder makes
 * the newcomer refuse with a message naming it.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export interface LockInfo {
  pid: number;
  hostname: string;
  holder: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly info: LockInfo,
  ) {
    super(
      `DATA_DIR is in use by ${info.holder} (pid ${info.pid} on ${info.hostname}, since ${info.startedAt}). ` +
        `The embedded database serves one process at a time: stop it first, or run this against the server's API. ` +
        `If you are sure no such process runs, delete ${lockFile}.`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid belonging to something other than Node is not our holder.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline)) {
    try {
      return readFileSync(cmdline, "utf8").includes("node");
    } catch {
      return true;
    }
  }
  return true;
}

export interface DataDirLock {
  file: string;
  /** True when a stale lock from a crashed process was taken over. */
  recoveredStale: boolean;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "chinam.lock");
  const info: LockInfo = { pid: process.pid, hostname: hostname(), holder, startedAt: new Date().toISOString() };
  let recoveredStale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
          if (current.pid === process.pid) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once("exit", release);
      return { file, recoveredStale, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let existing: LockInfo | undefined;
      try {
        existing = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
      } catch {
        existing = undefined; // Torn write from a crash: treat as stale.
      }
      const sameHost = existing?.hostname === hostname();
      if (existing && (!sameHost || processAlive(existing.pid))) {
        throw new DataDirLockedError(file, existing);
      }
      rmSync(file, { force: true });
      recoveredStale = true;
    }
  }
  throw new Error(`could not acquire ${file}`);
}
