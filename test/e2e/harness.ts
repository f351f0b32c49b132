/**
 * End-to-end harness: one demo server (DEMO data, its own data directory, port 0), one Debian
 * Chromium through playwright-core, and helpers every E2E file uses — pages that record console
 * and page errors, signing in through the form or the API, axe (serious and critical fail), and
 * screenshots into the ignored .tmp/screens/<page>-<lang>-<width>.png.
 *
 * Writing the demo data takes minutes on a cold start, so the first run keeps the prepared data
 * directory under .tmp/e2e-demo/<hash of what makes it>; later runs copy it and start in seconds.
 * E2E_BASE_URL=http://localhost:4317 points the tests at a demo server already running instead.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildApp } from "../../src/server/app.js";
import { type Config, loadConfig } from "../../src/server/core/config.js";
import { type Started, startServer } from "../../src/server/start.js";
import { ensureWebBuild } from "../../src/server/web-app/index.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "demo-password-e2e-123";
export type Lang = "vi" | "en";
export const WIDTHS = { desktop: 1440, phone: 375 } as const;

const root = path.resolve(import.meta.dirname, "../..");
export const screensDir = path.join(root, ".tmp", "screens");

/**
 * What the prepared demo data directory depends on. Not the migrations or the seed: starting the
 * server on a copy applies new migrations and the idempotent seed and demo values, as it does for
 * any existing instance. A change to the demo's own data or to PGlite prepares it again.
 */
const DATA_SOURCES = ["src/server/demo", "src/server/users/demo-accounts.ts", "package-lock.json"];

function hashSources(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isFile()) {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
      return;
    }
    for (const name of readdirSync(p).sort()) walk(path.join(p, name));
  };
  for (const rel of DATA_SOURCES) walk(path.join(root, rel));
  return h.digest("hex").slice(0, 16);
}

function demoConfig(dataDir: string) {
  return loadConfig({
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DEMO: "true",
    DEMO_PASSWORD,
    DATABASE_URL: "",
  });
}

/** A copy of a prepared demo data directory (prepared now if missing). */
async function demoDataDir(): Promise<string> {
  const template = path.join(root, ".tmp", "e2e-demo", hashSources());
  if (!existsSync(path.join(template, ".ready"))) {
    rmSync(path.join(root, ".tmp", "e2e-demo"), { recursive: true, force: true });
    const fresh = mkdtempSync(path.join(tmpdir(), "chinam-e2e-prep-"));
    const s = await startServer(demoConfig(fresh));
    await s.stop();
    mkdirSync(path.dirname(template), { recursive: true });
    cpSync(fresh, template, { recursive: true });
    rmSync(fresh, { recursive: true, force: true });
    writeFileSync(path.join(template, ".ready"), `${new Date().toISOString()}\n`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-e2e-"));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A second app over the same database with other settings, e.g. REQUIRE_TOTP_FOR_ADMINS on. */
export interface Variant {
  url: string;
  stop(): Promise<void>;
}

export interface E2E {
  url: string;
  browser: Browser;
  /**
   * Starts another app on the demo server's database with some settings changed (undefined when
   * the tests run against a server already up, E2E_BASE_URL). A second Fastify app costs well
   * under a second; a second demo server (its own data directory copy) would cost minutes.
   */
  variant?: (overrides: Partial<Config>) => Promise<Variant>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  const external = process.env.E2E_BASE_URL;
  let server: Started | undefined;
  let dataDir: string | undefined;
  if (!external) {
    await ensureWebBuild();
    dataDir = await demoDataDir();
    server = await startServer(demoConfig(dataDir));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const url = external ?? server?.url.replace("localhost", "127.0.0.1") ?? "";
  const started = server;
  const variants: Variant[] = [];
  return {
    url,
    browser,
    variant: started
      ? async (overrides) => {
          const app = await buildApp({
            config: { ...started.app.deps.config, ...overrides },
            database: started.database,
            logger: false,
          });
          await app.listen({ port: 0, host: "127.0.0.1" });
          const address = app.server.address();
          const port = typeof address === "object" && address ? address.port : 0;
          let closed: Promise<undefined> | undefined;
          const v = { url: `http://127.0.0.1:${port}`, stop: () => (closed ??= app.close()) };
          variants.push(v);
          return v;
        }
      : undefined,
    async stop() {
      for (const v of variants) await v.stop();
      await browser.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const demoPassword = () =>
  process.env.E2E_BASE_URL ? (process.env.DEMO_PASSWORD ?? DEMO_PASSWORD) : DEMO_PASSWORD;

/** A page whose console errors, warnings and uncaught exceptions are collected for `problems`. */
export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings and page errors so far (ignoring what `allow` matches). */
  problems(): string[];
  allow(re: RegExp): void;
  close(): Promise<void>;
}

export async function openPage(
  e2e: E2E,
  opts: { lang?: Lang; width?: number; context?: BrowserContext } = {},
): Promise<TestPage> {
  const context =
    opts.context ??
    (await e2e.browser.newContext({
      baseURL: e2e.url,
      viewport: { width: opts.width ?? WIDTHS.desktop, height: 900 },
      locale: opts.lang === "en" ? "en-GB" : "vi-VN",
    }));
  if (opts.lang && !opts.context)
    await context.addInitScript((lang) => {
      if (!sessionStorage.getItem("e2e.langSet")) {
        localStorage.setItem("chinam.lang", lang);
        sessionStorage.setItem("e2e.langSet", "1");
      }
    }, opts.lang);
  const page = await context.newPage();
  const seen: string[] = [];
  const allowed: RegExp[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      seen.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  return {
    page,
    context,
    problems: () => seen.filter((s) => !allowed.some((re) => re.test(s))),
    allow: (re) => void allowed.push(re),
    close: async () => {
      if (opts.context) await page.close();
      else await context.close();
    },
  };
}

/** Signs in through the form at /sign-in (with a TOTP code when given) and waits to leave it. */
export async function signInWithForm(
  page: Page,
  username: string,
  opts: { totp?: () => string; next?: string } = {},
) {
  await page.goto(opts.next ? `/sign-in?next=${encodeURIComponent(opts.next)}` : "/sign-in");
  await page.getByRole("textbox", { name: /Tên đăng nhập|Username/ }).fill(username);
  await page.locator("input[name=password]").fill(demoPassword());
  await page.locator("form button[type=submit]").click();
  if (opts.totp) {
    const code = page.locator("input[name=totp]");
    await code.waitFor();
    await code.fill(opts.totp());
    await page.locator("form button[type=submit]").click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}

/** Signs the page's browser context in through the API (the cookie lands in the context). */
export async function signInContext(context: BrowserContext, username: string): Promise<void> {
  const res = await context.request.post("/api/v1/session", { data: { username, password: demoPassword() } });
  if (!res.ok()) throw new Error(`sign-in ${username}: ${res.status()} ${await res.text()}`);
}

/** A Node-side API session for one user: cookie and CSRF token carried on every call. */
export interface ApiSession {
  call<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<{ status: number; data: T }>;
}

export async function apiSession(e2e: E2E, username: string, totp?: string): Promise<ApiSession> {
  const res = await fetch(`${e2e.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword(), ...(totp ? { totp } : {}) }),
  });
  if (!res.ok) throw new Error(`API sign-in ${username}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return {
    async call<T>(method: string, apiPath: string, body?: unknown) {
      const r = await fetch(`${e2e.url}/api/v1${apiPath}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, data: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** axe's serious and critical violations on the page as it is now, one line each. */
export async function axeProblems(page: Page): Promise<string[]> {
  // A dialog still fading in has its text at part opacity, which axe measures as low contrast:
  // let finite animations and transitions end first (spinners run forever and are left alone).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      null,
      { timeout: 5_000, polling: 50 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

/** The whole page into .tmp/screens/<name>-<lang>-<width>.png (looked at by people, not asserted). */
export async function screenshot(page: Page, name: string, lang: Lang): Promise<string> {
  mkdirSync(screensDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(screensDir, `${name}-${lang}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Whether the page scrolls sideways (it must not, at any width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Scrolls through the whole page so sections rendered only near the viewport (the dashboard's)
 * are drawn, then back to the top: screenshots and axe then see the whole page.
 */
export async function revealAll(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const more = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight);
      return window.scrollY > before;
    });
    await page.waitForTimeout(60);
    if (!more) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Waits until every section is drawn, no request is in flight and no loader shows. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await revealAll(page);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".mantine-Loader-root"), null, {
    timeout: 15_000,
  });
}

/**
 * For each language: open `path` at 1440 px, wait for `ready`, run axe and save the screenshot;
 * then at 375 px check that nothing scrolls sideways and save that screenshot too; no console
 * error in either. One context per language (axe is the slow part: once per language).
 */
export async function checkPage(
  e2e: E2E,
  opts: {
    name: string;
    path: string;
    user?: string;
    ready: (page: Page, lang: Lang) => Promise<unknown>;
    langs?: Lang[];
    /** Console messages expected on this page (each one a known, explained exception). */
    allow?: RegExp[];
  },
): Promise<void> {
  const failures: string[] = [];
  for (const lang of opts.langs ?? (["vi", "en"] as const)) {
    const tp = await openPage(e2e, { lang, width: WIDTHS.desktop });
    for (const re of opts.allow ?? []) tp.allow(re);
    try {
      if (opts.user) await signInContext(tp.context, opts.user);
      for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
        const where = `${opts.name} ${lang} ${width}px`;
        await tp.page.setViewportSize({ width, height: 900 });
        await tp.page.goto(opts.path);
        await opts.ready(tp.page, lang);
        await settle(tp.page);
        await screenshot(tp.page, opts.name, lang);
        if (width === WIDTHS.desktop)
          for (const a of await axeProblems(tp.page)) failures.push(`${where} axe ${a}`);
        const over = await horizontalOverflow(tp.page);
        if (over > 0) failures.push(`${where}: scrolls sideways by ${over}px`);
      }
      for (const p of tp.problems()) failures.push(`${opts.name} ${lang}: ${p}`);
    } finally {
      await tp.close();
    }
  }
  if (failures.length) throw new Error(`${opts.name}:\n${failures.join("\n")}`);
}
