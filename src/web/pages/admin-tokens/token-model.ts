/**
 * The pure part of the tokens page: which indicators a unit reports (the token's indicator scope is
 * picked among them), the issue form's checks and the body it sends, the ready `curl` examples
 * shown beside a new secret, and the list's status filter.
 */
import { formatPeriod, frequencyPeriodKind, periodOf, previous } from "../../../domain/periods.js";
import { cellReporter } from "../../../domain/value-rules.js";

export const TOKEN_ACTIONS = ["indicators:read", "observations:read", "observations:write"] as const;
export type TokenAction = (typeof TOKEN_ACTIONS)[number];

/** An action's i18n key under `actions.` (i18next reads ":" as a namespace separator). */
export const actionKey = (a: string): string => a.replace(":", "_");

export const TOKEN_STATUSES = ["active", "expired", "revoked"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Expiry the server accepts (1–366 days) and what the form starts with (its default too). */
export const MAX_DAYS = 366;
export const DEFAULT_DAYS = 90;

export interface IndicatorLike {
  code: string;
  tier: string;
  reportedBy: string;
  responsibleUnit: string | null;
  retired: boolean;
}

/**
 * The indicators whose new values the unit itself reports: operational ones, not retired, whose
 * cells fall to the unit by the one rule of who reports a cell (`cellReporter`, compared by code).
 */
export function indicatorsReportedBy<T extends IndicatorLike>(list: readonly T[], unit: string): T[] {
  return list.filter(
    (i) =>
      i.tier === "operational" &&
      !i.retired &&
      cellReporter({ reportedBy: i.reportedBy, responsibleUnitId: i.responsibleUnit }, unit) === unit,
  );
}

export interface IssueForm {
  name: string;
  unit: string | null;
  /** Every indicator, now and later ("*"), instead of a list. */
  allIndicators: boolean;
  indicators: string[];
  actions: TokenAction[];
  /** As typed: a number field may hold "" while being edited. */
  days: number | string;
}

export const emptyIssueForm = (): IssueForm => ({
  name: "",
  unit: null,
  allIndicators: false,
  indicators: [],
  actions: ["observations:read", "observations:write"],
  days: DEFAULT_DAYS,
});

export type IssueField = "name" | "unit" | "indicators" | "actions" | "days";

/** What keeps the form from being sent, by field (an i18n key under `form.problems`). */
export function issueProblems(f: IssueForm): Partial<Record<IssueField, string>> {
  const out: Partial<Record<IssueField, string>> = {};
  if (f.name.trim() === "") out.name = "nameRequired";
  else if (f.name.trim().length > 100) out.name = "nameTooLong";
  if (!f.unit) out.unit = "unitRequired";
  if (!f.allIndicators && f.indicators.length === 0) out.indicators = "indicatorsRequired";
  if (f.actions.length === 0) out.actions = "actionsRequired";
  const days = typeof f.days === "number" ? f.days : Number(f.days);
  if (f.days === "" || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) out.days = "daysRange";
  return out;
}

export interface IssueBody {
  name: string;
  unit: string;
  indicators: "*" | string[];
  actions: TokenAction[];
  expiresInDays: number;
}

/** The request body, or null while the form has a problem. */
export function issueBody(f: IssueForm): IssueBody | null {
  if (Object.keys(issueProblems(f)).length > 0 || !f.unit) return null;
  return {
    name: f.name.trim(),
    unit: f.unit,
    indicators: f.allIndicators ? "*" : [...new Set(f.indicators)],
    // In the order the server lists them, whatever order they were ticked in.
    actions: TOKEN_ACTIONS.filter((a) => f.actions.includes(a)),
    expiresInDays: Number(f.days),
  };
}

export interface CurlExample {
  /** What the example does, as an i18n key under `secret.examples`. */
  key: "current" | "indicatorsRead" | "observationsRead" | "observationsWrite";
  command: string;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** The last period that has ended at `today` for an indicator's frequency (a yearly one when unknown). */
export function examplePeriod(frequency: string, today: Date): string {
  const kind = frequencyPeriodKind[frequency] ?? "year";
  return formatPeriod(previous(periodOf(kind, today.getFullYear(), today.getMonth() + 1)));
}

/**
 * Ready-to-paste commands for a new token against this instance: what the token carries, and one
 * request for each action it may do, on a sample indicator of its scope and a period it reports.
 */
export function curlExamples(
  origin: string,
  token: { token: string; unit: string; actions: readonly string[] },
  sample: { indicator: string; period: string } | undefined,
): CurlExample[] {
  const base = origin.replace(/\/+$/, "");
  const auth = `-H ${quote(`Authorization: Bearer ${token.token}`)}`;
  const out: CurlExample[] = [
    { key: "current", command: `curl ${auth} ${quote(`${base}/api/v1/api-tokens/current`)}` },
  ];
  if (!sample) return out;
  const { indicator, period } = sample;
  const has = (a: TokenAction) => token.actions.includes(a);
  const code = encodeURIComponent(indicator);
  if (has("indicators:read"))
    out.push({
      key: "indicatorsRead",
      command: `curl ${auth} ${quote(`${base}/api/v1/indicators/${code}`)}`,
    });
  if (has("observations:read"))
    out.push({
      key: "observationsRead",
      command: `curl ${auth} ${quote(`${base}/api/v1/observations?indicator=${code}&unit=${encodeURIComponent(token.unit)}`)}`,
    });
  if (has("observations:write"))
    out.push({
      key: "observationsWrite",
      command: [
        `curl -X PUT ${auth} -H 'Content-Type: application/json'`,
        `  -d ${quote(JSON.stringify({ indicator, unit: token.unit, period, value: 0 }))}`,
        `  ${quote(`${base}/api/v1/observations`)}`,
      ].join(" \\\n"),
    });
  return out;
}

/** The tokens the list shows: one status, or all when none is chosen; newest first as the API sends them. */
export function tokensShown<T extends { status: string; unit: string }>(
  list: readonly T[],
  filter: { status?: TokenStatus; unit?: string },
): T[] {
  return list.filter(
    (t) => (!filter.status || t.status === filter.status) && (!filter.unit || t.unit === filter.unit),
  );
}
