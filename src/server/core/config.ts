/**
 * The one typed configuration module. Every variable is declared here, validated at start-up and
 * documented in README.md (the table there is generated from `configDocs` by `npm run cli -- config:docs`).
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z.string().default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_240).default(512),
  XLSX_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(50),
  XLSX_MAX_INFLATED_MB: z.coerce.number().int().min(1).max(10_240).default(200),
  XLSX_MAX_ROWS: z.coerce.number().int().min(2).max(100_000_000).default(1_048_576),
  XLSX_MAX_SHARED_STRINGS: z.coerce.number().int().min(1).max(100_000_000).default(4_194_304),
  CSV_MAX_ROWS: z.coerce.number().int().min(2).max(100_000_000).default(2_000_000),
  SESSION_SECRET: z.string().min(32).optional(),
  SEED_ON_START: bool.default(true),
  DEMO: bool.default(false),
  DEMO_PASSWORD: z.string().min(12).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  REQUIRE_TOTP_FOR_ADMINS: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPES: z.string().default("openid profile email"),
  OIDC_USERNAME_CLAIM: z.string().default("preferred_username"),
  OIDC_UNIT_CLAIM: z.string().optional(),
  OIDC_AUTO_CREATE: bool.default(true),
  OIDC_ALLOW_HTTP: bool.default(false),
});

export type RawConfig = z.output<typeof configSchema>;

/** Documentation of every variable; README.md's table is written from it. */
export const configDocs: Record<keyof RawConfig, string> = {
  PORT: "HTTP port. Default 3000.",
  HOST: "Interface to listen on. Default 0.0.0.0 (all).",
  DATA_DIR:
    "Directory for the embedded database (PGlite), generated secrets and the server lock. Default ./data.",
  DATABASE_URL:
    "PostgreSQL (15 or later) connection URL. When set, PostgreSQL is used instead of the embedded database.",
  DATABASE_POOL_SIZE: "Maximum connections in the PostgreSQL pool. Default 10.",
  PUBLIC_URL:
    "The URL users reach the platform at (e.g. https://chinam.example.gov.vn). Used in links and to decide Secure cookies.",
  TRUST_PROXY:
    "Fastify trustProxy: false, true, a hop count, or a comma-separated list of proxy addresses/CIDRs. Default false.",
  LOG_LEVEL: "fatal, error, warn, info, debug, trace or silent. Default info.",
  MAX_UPLOAD_MB: "Maximum upload size in MB (spreadsheets, plan files). Default 512.",
  XLSX_MAX_MB:
    "Maximum size in MB of an uploaded .xlsx file (the smaller of this and MAX_UPLOAD_MB applies); larger: 413 PAYLOAD_TOO_LARGE. Default 50.",
  XLSX_MAX_INFLATED_MB:
    "Maximum MB an .xlsx may inflate to (the parts read: workbook, styles, shared strings, first sheet), so a zip bomb is refused as it inflates: 413 SPREADSHEET_INFLATED_TOO_LARGE. Default 200.",
  XLSX_MAX_ROWS:
    "Maximum rows of the uploaded sheet, header included (a row numbered above it is refused): 413 SPREADSHEET_TOO_MANY_ROWS. Default 1048576 (Excel's own limit).",
  XLSX_MAX_SHARED_STRINGS:
    "Maximum entries in an .xlsx's shared-strings table (held in memory while the sheet is read): 413 SPREADSHEET_TOO_MANY_STRINGS. Default 4194304.",
  CSV_MAX_ROWS:
    "Maximum data rows of an uploaded CSV (after its header line): 413 SPREADSHEET_TOO_MANY_ROWS. Default 2000000.",
  SESSION_SECRET:
    "Secret for signing session cookies (>= 32 chars). When absent it is generated once and kept in DATA_DIR/secrets.json.",
  SEED_ON_START: "Load the bundled NQ57 plan and org units at start when missing (idempotent). Default true.",
  DEMO: "Mark this instance as a demo (set by `npm run demo`). Default false.",
  DEMO_PASSWORD:
    "Password of the demo accounts created by `npm run demo` (>= 12 chars). When absent one is generated and printed at start.",
  SESSION_IDLE_MINUTES: "A session ends after this many minutes without a request. Default 60.",
  SESSION_MAX_HOURS: "A session ends this many hours after login, whatever the activity. Default 12.",
  REQUIRE_TOTP_FOR_ADMINS:
    "Require a TOTP second factor for system administrators (they enrol at first login). Default false.",
  LOGIN_MAX_FAILURES:
    "Failed logins allowed per account and client address in 15 minutes before 429 with a growing Retry-After. Default 5.",
  WRITE_RATE_LIMIT_PER_MINUTE: "State-changing requests allowed per client per minute. Default 600.",
  OIDC_ISSUER:
    "OpenID Connect provider (e.g. a national identity service) for single sign-on. SSO is on when this, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.",
  OIDC_CLIENT_ID: "Client id registered with the OIDC provider.",
  OIDC_CLIENT_SECRET: "Client secret registered with the OIDC provider.",
  OIDC_REDIRECT_URI:
    "Callback URL registered with the provider. Default PUBLIC_URL + /api/v1/session/oidc/callback.",
  OIDC_SCOPES: "Scopes requested. Default `openid profile email`.",
  OIDC_USERNAME_CLAIM: "Claim that gives the username. Default preferred_username.",
  OIDC_UNIT_CLAIM:
    "Claim holding the user's org-unit code (e.g. `unit`); sets the account's home unit. Roles are still granted in Chỉ Nam.",
  OIDC_AUTO_CREATE:
    "Create an account (without roles) at a first SSO sign-in. Default true; false: only pre-created accounts.",
  OIDC_ALLOW_HTTP: "Allow an http:// provider (tests and development only). Default false.",
};

export interface Config extends Omit<RawConfig, "TRUST_PROXY" | "SESSION_SECRET"> {
  TRUST_PROXY: boolean | number | string[];
  SESSION_SECRET: string;
  /** Absolute data directory. */
  dataDir: string;
  database: "pglite" | "postgres";
}

export class ConfigError extends Error {}

function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false" || v === "") return false;
  if (/^\d+$/.test(v)) return Number(v);
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Secrets {
  SESSION_SECRET: string;
}

/** Secrets come from the environment; otherwise they are generated once and kept in DATA_DIR. */
function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = z
      .object({ SESSION_SECRET: z.string().min(32) })
      .safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
    throw new ConfigError(`${file} is not valid: delete it to generate new secrets`);
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: Secrets = { SESSION_SECRET: randomBytes(48).toString("base64url") };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const sessionSecret = raw.SESSION_SECRET ?? loadOrCreateSecrets(dataDir).SESSION_SECRET;
  return {
    ...raw,
    TRUST_PROXY: parseTrustProxy(raw.TRUST_PROXY),
    SESSION_SECRET: sessionSecret,
    dataDir,
    database: raw.DATABASE_URL ? "postgres" : "pglite",
  };
}
