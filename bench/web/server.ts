/**
 * Shared by the web benchmarks: a demo server in a child process (its own data directory, or an
 * already running instance given by BENCH_URL), and signing in to get a session cookie.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const DEMO_PASSWORD = "Bench-demo-password-2026";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Running {
  url: string;
  password: string;
  stop(): Promise<void>;
}

/** The instance at BENCH_URL (with BENCH_PASSWORD), or a new demo server on PORT. */
export async function demoServer(port = Number(process.env.PORT ?? 3960)): Promise<Running> {
  if (process.env.BENCH_URL)
    return {
      url: process.env.BENCH_URL.replace(/\/$/, ""),
      password: process.env.BENCH_PASSWORD ?? DEMO_PASSWORD,
      stop: async () => {},
    };
  const dataDir = mkdtempSync(path.join(tmpdir(), "chinam-webbench-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli/demo.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DEMO_PASSWORD,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`demo server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, password: DEMO_PASSWORD, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("demo server did not become ready in 5 minutes");
}

/** Signs in through the API; returns the session cookie ("name=value") and the CSRF token. */
export async function signIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
