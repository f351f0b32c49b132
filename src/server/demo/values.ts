/**
 * Demo values (`npm run demo` only): realistic, clearly marked figures for the proposed NQ57
 * operational indicators, at each indicator's own frequency — monthly and quarterly from 2025,
 * yearly from 2021 so yearly KPIs have a trend to forecast. Administrative-procedure and document
 * figures are reported by each of the 34 provinces; the rest are national figures reported by the
 * responsible body for the country. Trends are chosen so that some targets are on track, some at
 * risk, some off track; a few values are outliers, a few provinces miss recent months, a few
 * reports came in after the 25th, and the latest month is submitted but not yet approved.
 * Values are written through the bulk path of uploads (entered and submitted in one step) and
 * approved through the transition path: revisions, roll-ups, change batches and audit as for
 * anyone's.
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Db, queryRows } from "../../db/client.js";
import { instanceMeta } from "../../db/schema/index.js";
import {
  dueAt,
  formatPeriod,
  frequencyPeriodKind,
  monthRange,
  type Period,
  parsePeriod,
  subdivide,
} from "../../domain/periods.js";
import type { UserPrincipal } from "../access/index.js";
import type { ChangeContext } from "../core/change-context.js";
import { currentMonth } from "../dashboards/index.js";
import {
  approveSubmittedValues,
  importObservations,
  jsonRows,
  loadRefs,
  type ObservationInput,
  type Refs,
} from "../observations/index.js";

export const DEMO_SOURCE = "Số liệu minh họa (demo) — không phải số liệu chính thức";

/** A level at the start of 2025 and its change per year (linear), with relative noise. */
interface Trend {
  v0: number;
  slope: number;
  noise?: number;
  /** Values are rounded to this many decimals. */
  decimals?: number;
  /** A yes/no milestone reached in this period code. */
  reachedIn?: string;
}

/** Indicators each province reports for itself (their national figure is the sum). */
const PROVINCIAL = new Set([
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "OI_EDOCS_EXCHANGED",
  "OI_DOCS_ISSUED_TOTAL",
  "OI_WORK_RECORDS_ONLINE",
  "OI_WORK_RECORDS_TOTAL",
  "OI_DIGITAL_SKILLS_TRAINEES",
]);

/** Sub-yearly indicators that yearly KPIs divide by: from 2021 too, so those KPIs have a trend. */
const LONG_HISTORY = new Set(["OI_GDP"]);

/**
 * National trends (per period for flows). Chosen outcomes against the 2030 targets:
 * online public services on track, e-documents off track, high-tech exports at risk, cashless on
 * track, AI in agencies off track, national databases at risk, R&D/GDP off track, digital economy
 * at risk, HDI achieved, EGDI at risk, GII flat (off track).
 */
const TRENDS: Record<string, Trend> = {
  OI_DOSSIERS_TOTAL: { v0: 4_000_000, slope: 120_000, noise: 0.03 },
  OI_DOSSIERS_ONLINE: { v0: 1_900_000, slope: 420_000, noise: 0.03 },
  OI_DOCS_ISSUED_TOTAL: { v0: 1_200_000, slope: 20_000, noise: 0.02 },
  OI_EDOCS_EXCHANGED: { v0: 1_020_000, slope: 40_000, noise: 0.02 },
  OI_WORK_RECORDS_TOTAL: { v0: 2_400_000, slope: 0, noise: 0.02 },
  OI_WORK_RECORDS_ONLINE: { v0: 1_300_000, slope: 260_000, noise: 0.03 },
  OI_DIGITAL_SKILLS_TRAINEES: { v0: 250_000, slope: 40_000, noise: 0.08 },
  OI_TOTAL_EXPORTS: { v0: 33_000, slope: 2_600, noise: 0.04 },
  OI_HIGHTECH_EXPORTS: { v0: 13_900, slope: 1_700, noise: 0.04 },
  OI_CASHLESS_TRANSACTIONS: { v0: 850_000_000, slope: 110_000_000, noise: 0.02 },
  OI_PAYMENT_TRANSACTIONS_TOTAL: { v0: 1_500_000_000, slope: 60_000_000, noise: 0.02 },
  OI_DATA_SHARING_TRANSACTIONS: { v0: 95_000_000, slope: 18_000_000, noise: 0.05 },
  OI_VNEID_L2_ACTIVATED: { v0: 55_000_000, slope: 6_000_000, noise: 0.005 },
  OI_FIXED_BROADBAND_SPEED: { v0: 150, slope: 35, noise: 0.03, decimals: 1 },
  OI_EHR_CITIZENS: { v0: 20_000_000, slope: 25_000_000, noise: 0.01 },
  OI_AGENCIES_TOTAL: { v0: 1_200, slope: 0 },
  OI_AGENCIES_USING_AI: { v0: 240, slope: 60, noise: 0.03 },
  OI_NATIONAL_DB_LISTED: { v0: 30, slope: 0 },
  OI_NATIONAL_DB_COMPLETED: { v0: 9, slope: 4.4 },
  OI_SECTORAL_DB_TOTAL: { v0: 220, slope: 0 },
  OI_SECTORAL_DB_CONNECTED: { v0: 90, slope: 24 },
  OI_INFO_SYSTEMS_TOTAL: { v0: 3_500, slope: 60 },
  OI_INFO_SYSTEMS_SECURED: { v0: 1_800, slope: 330, noise: 0.01 },
  OI_FULL_ONLINE_PROCEDURES: { v0: 2_100, slope: 350 },
  OI_ADMIN_PROCEDURES_TOTAL: { v0: 6_200, slope: -300 },
  OI_DATA_CENTRE_CAPACITY: { v0: 350, slope: 180, decimals: 1 },
  OI_POP_COVERED_5G: { v0: 45_000_000, slope: 14_000_000 },
  OI_HOUSEHOLDS_FTTH: { v0: 22_000_000, slope: 1_400_000 },
  OI_INTL_CONNECTIVITY_CAPACITY: { v0: 28, slope: 9, decimals: 1 },
  OI_ADULTS_WITH_PAYMENT_ACCOUNT: { v0: 63_000_000, slope: 2_000_000 },
  OI_DIGITAL_TECH_REVENUE: { v0: 38, slope: 4, noise: 0.05, decimals: 1 },
  OI_DIGITAL_TECH_ENTERPRISES: { v0: 74_000, slope: 6_000 },
  OI_ENTERPRISES_ACTIVE: { v0: 940_000, slope: 60_000 },
  OI_BOTTLENECKS_IDENTIFIED: { v0: 420, slope: 80 },
  OI_BOTTLENECKS_RESOLVED: { v0: 120, slope: 140 },
  OI_LEADING_TECH_FIRMS_NEW: { v0: 0.25, slope: 0.1, decimals: 0 },
  OI_TALENTS_ATTRACTED: { v0: 60, slope: 25, noise: 0.15 },
  OI_BUDGET_STI_DX_DISBURSED: { v0: 9_000, slope: 2_500, noise: 0.1 },
  OI_PATENT_APPLICATIONS: { v0: 2_600, slope: 260, noise: 0.05 },
  OI_PATENT_APPLICATIONS_DOMESTIC: { v0: 350, slope: 70, noise: 0.06 },
  OI_PATENT_GRANTS: { v0: 1_450, slope: 120, noise: 0.06 },
  OI_DATA_EXCHANGE_TRADE_VALUE: { v0: 0, slope: 120, noise: 0.1 },
  OI_DATA_EXCHANGE_OPERATIONAL: { v0: 0, slope: 0, reachedIn: "2026-Q2" },
  OI_GDP: { v0: 2_900_000, slope: 260_000, noise: 0.01 },
  // Yearly, from 2021 (v0 is the 2021 level).
  OI_RD_EXPENDITURE: { v0: 36_000, slope: 8_500, noise: 0.02 },
  OI_RD_EXPENDITURE_BUSINESS: { v0: 22_000, slope: 5_600, noise: 0.02 },
  OI_DIGITAL_ECONOMY_VA: { v0: 1_050_000, slope: 330_000, noise: 0.01 },
  OI_ICT_CORE_VA: { v0: 700_000, slope: 95_000, noise: 0.01 },
  OI_DIGITAL_CULTURE_VA: { v0: 250_000, slope: 30_000, noise: 0.02 },
  OI_GII_RANK: { v0: 44, slope: 0, noise: 0.04, decimals: 0 },
  OI_GII_INCOME_GROUP_RANK: { v0: 14, slope: -0.5, decimals: 0 },
  OI_EGDI_RANK: { v0: 86, slope: -4.5, noise: 0.02, decimals: 0 },
  OI_EGDI_ASEAN_RANK: { v0: 6, slope: -0.4, decimals: 0 },
  OI_IMD_WDCR_RANK: { v0: 57, slope: -1.5, decimals: 0 },
  OI_IMD_WDCR_ASEAN_RANK: { v0: 5, slope: -0.2, decimals: 0 },
  OI_AI_RANK_TORTOISE: { v0: 62, slope: -2, decimals: 0 },
  OI_AI_RANK_HAI: { v0: 45, slope: -1.5, decimals: 0 },
  OI_HDI: { v0: 0.703, slope: 0.006, decimals: 3 },
  OI_POPULATION: { v0: 98_500_000, slope: 800_000 },
  OI_ADULT_POPULATION: { v0: 72_000_000, slope: 700_000 },
  OI_ADULTS_BASIC_DIGITAL_SKILLS: { v0: 36_000_000, slope: 4_200_000 },
  OI_HOUSEHOLDS_TOTAL: { v0: 27_000_000, slope: 400_000 },
  OI_RESEARCHERS_FTE: { v0: 68_000, slope: 3_500 },
  OI_ENTERPRISES_SURVEYED: { v0: 7_000, slope: 0 },
  OI_ENTERPRISES_INNOVATING: { v0: 1_800, slope: 130, noise: 0.02 },
  OI_BUDGET_STI_DX_ALLOCATED: { v0: 38_000, slope: 9_000 },
  OI_BUDGET_TOTAL_ALLOCATED: { v0: 1_900_000, slope: 80_000 },
  OI_TFP_GROWTH: { v0: 2.1, slope: 0.15, noise: 0.05, decimals: 2 },
  OI_GDP_GROWTH: { v0: 4.5, slope: 0.5, noise: 0.05, decimals: 2 },
  OI_GNI_PER_CAPITA_USD: { v0: 3_700, slope: 330 },
  OI_WB_HIGH_INCOME_THRESHOLD: { v0: 12_700, slope: 150 },
  OI_RANKED_STI_ORGS: { v0: 18, slope: 3, decimals: 0 },
  OI_INTL_PUBLICATIONS: { v0: 18_000, slope: 1_700, noise: 0.02 },
  OI_PATENTS_COMMERCIALISED: { v0: 110, slope: 20 },
  OI_PATENTS_IN_FORCE_DOMESTIC: { v0: 2_800, slope: 250 },
  OI_STRATEGIC_TECH_MASTERED: { v0: 2, slope: 2, decimals: 0 },
  OI_SEMICONDUCTOR_ENGINEERS_TRAINED: { v0: 800, slope: 900 },
  OI_GCI_TIER: { v0: 2, slope: -0.2, decimals: 0 },
  OI_GLOBAL_DIGITAL_TECH_FIRMS: { v0: 0, slope: 0.4, decimals: 0 },
  OI_PAR_INDEX_SCORE: { v0: 84, slope: 0.8, decimals: 2 },
  OI_DEFENCE_DUAL_USE_PRODUCTS: { v0: 5, slope: 3, decimals: 0 },
};

interface DemoUnit {
  code: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Whether a unit existed in (part of) a period, as the write path checks it. */
function existedIn(u: DemoUnit, p: Period): boolean {
  const [first, last] = monthRange(p);
  const start = `${p.year}-${String(first).padStart(2, "0")}-01`;
  const end = `${p.year}-${String(last).padStart(2, "0")}-28`;
  return !(u.validTo && u.validTo < start) && !(u.validFrom && u.validFrom > end);
}

/**
 * Who reports a province's figure for a period, with their shares: the province itself, or —
 * before it existed — the former provinces merged into it, in fixed unequal shares.
 */
function reportersOf(prov: DemoUnit, p: Period, predecessors: Map<string, DemoUnit[]>): [string, number][] {
  const former = (predecessors.get(prov.code) ?? []).filter((f) => existedIn(f, p));
  if (existedIn(prov, p) || former.length === 0) return [[prov.code, 1]];
  const weights = former.map((f) => 1 + (hash(f.code) % 100) / 50);
  const total = weights.reduce((a, b) => a + b, 0);
  return former.map((f, i) => [f.code, (weights[i] as number) / total]);
}

/** The indicators the demo gives values to (when the plan has them as proposed operational indicators). */
export const demoIndicatorCodes: ReadonlySet<string> = new Set(Object.keys(TRENDS));

/** Deterministic pseudo-random numbers (mulberry32), so every demo looks the same. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const perYear = { month: 12, quarter: 4, half_year: 2, year: 1 } as const;

/** The periods of a kind from a start year to the last one already due (by the 25th rule). */
export function demoPeriods(kind: Period["kind"], fromYear: number, now: Date): Period[] {
  const out: Period[] = [];
  for (let y = fromYear; y <= now.getUTCFullYear(); y++)
    for (const p of subdivide({ kind: "year", year: y, index: 1 }, kind))
      if (dueAt(p).getTime() <= now.getTime() + 5 * 86400_000 && kind !== "year") out.push(p);
      else if (kind === "year" && y < now.getUTCFullYear()) out.push(p);
  return out;
}

/** The national demo value of an indicator for a period (flows per period). */
export function demoValue(code: string, p: Period, random: () => number): number | boolean | null {
  const t = TRENDS[code];
  if (!t) return null;
  if (t.reachedIn) return formatPeriod(p) >= t.reachedIn;
  const years = p.year + ((p.index - 0.5) / perYear[p.kind] - 0.5) - (p.kind === "year" ? 2021 : 2025);
  const base = t.v0 + t.slope * years;
  const noisy = base * (1 + (t.noise ?? 0) * (random() * 2 - 1));
  const d = t.decimals ?? 0;
  return Math.max(0, Math.round(noisy * 10 ** d) / 10 ** d);
}

export async function ensureDemoValues(db: Db, now = new Date()): Promise<{ written: number } | null> {
  const [done] = await db.select().from(instanceMeta).where(sql`${instanceMeta.key} = 'demo:values'`);
  if (done) return null;
  const inds = await queryRows<{ code: string; frequency: string; responsible: string | null }>(
    db,
    sql`select i.code, i.frequency, r.code as responsible from indicators i
        left join org_units r on r.id = i.responsible_unit_id
        where i.tier = 'operational' and i.proposed and i.retired_at is null order by i.code`,
  );
  const provinces = await queryRows<DemoUnit>(
    db,
    sql`select code, valid_from::text as "validFrom", valid_to::text as "validTo" from org_units
      where kind = 'province' and valid_to is null order by code`,
  );
  const predecessors = new Map<string, DemoUnit[]>();
  for (const f of await queryRows<DemoUnit & { successor: string }>(
    db,
    sql`select f.code, f.valid_from::text as "validFrom", f.valid_to::text as "validTo", s.code as successor
      from org_unit_lineage l join org_units f on f.id = l.from_unit_id join org_units s on s.id = l.to_unit_id
      where l.kind = 'merged_into' and f.kind = 'province' order by f.code`,
  ))
    predecessors.set(f.successor, [...(predecessors.get(f.successor) ?? []), f]);
  const shares = new Map<string, number>();
  {
    const r = rng(57);
    const raw = provinces.map(
      (p) => [p.code, 0.3 + r() * (p.code === "HA-NOI" || p.code === "HO-CHI-MINH" ? 4 : 1)] as const,
    );
    const total = raw.reduce((s, [, w]) => s + w, 0);
    for (const [c, w] of raw) shares.set(c, w / total);
  }
  const latestMonth = formatPeriod(currentMonth(now));
  const inputs: DemoInput[] = [];
  for (const ind of inds) {
    const kind = frequencyPeriodKind[ind.frequency];
    if (!kind || !TRENDS[ind.code]) continue;
    const random = rng(hash(ind.code));
    const periods = demoPeriods(kind, kind === "year" || LONG_HISTORY.has(ind.code) ? 2021 : 2025, now);
    const lastPeriod = periods[periods.length - 1];
    for (const p of periods) {
      const v = demoValue(ind.code, p, random);
      if (v === null) continue;
      const period = formatPeriod(p);
      const pending = p === lastPeriod && kind !== "year";
      if (PROVINCIAL.has(ind.code) && typeof v === "number") {
        for (const prov of provinces) {
          // A few provinces have not reported the latest periods yet (data gaps).
          const r = random();
          if (pending && r < 0.12) continue;
          const share = shares.get(prov.code) ?? 0;
          let value = Math.round(v * share * (0.94 + random() * 0.12));
          // A few outliers: a value keyed in ten times too large.
          if (random() < 0.004) value *= 10;
          const late = random() < 0.08;
          // Before a merged province existed (1 July 2025) its former provinces reported: the
          // figure is theirs, split between them, and counts for the province through lineage.
          for (const [unit, part] of reportersOf(prov, p, predecessors))
            inputs.push({
              indicator: ind.code,
              unit,
              period,
              value: Math.round(value * part),
              source: DEMO_SOURCE,
              late,
              pending,
            });
        }
      } else {
        inputs.push({
          indicator: ind.code,
          unit: "VN",
          reporterUnit: ind.responsible ?? "VN",
          period,
          value: v,
          source: DEMO_SOURCE,
          late: random() < 0.1,
          pending: pending && period <= latestMonth,
        });
      }
    }
  }
  const ctx: ChangeContext = { actor: "system:demo", reason: "Demo values (npm run demo)" };
  // The bulk path of uploads (checked, staged, applied set-wise with revisions, roll-ups, change
  // batches and audit), entered and submitted in one step by a writer of every unit it names.
  const refs = await loadRefs(db, inputs);
  const writer = demoWriter([...refs.units.values()].map((u) => u.id));
  const rows = inputs.map(({ late: _late, pending: _pending, ...input }) => input);
  const summary = await importObservations(db, writer, jsonRows(rows), ctx, { format: "json", submit: true });
  if (summary.errors.length > 0)
    throw new Error(
      `demo values refused: ${summary.errors
        .slice(0, 5)
        .map((e) => e.messageEn)
        .join("; ")}`,
    );
  await backdateSubmissions(db, inputs, refs);
  await approve(
    db,
    inputs.filter((i) => !i.pending),
    refs,
    ctx,
  );
  await db
    .insert(instanceMeta)
    .values({ key: "demo:values", value: { written: inputs.length, at: now.toISOString() } })
    .onConflictDoNothing();
  return { written: inputs.length };
}

/** The demo's writer: an approver of every unit the demo values name (the principal of the import). */
function demoWriter(unitIds: readonly string[]): UserPrincipal {
  return {
    kind: "user",
    userId: "00000000-0000-0000-0000-000000000000",
    username: "system:demo",
    displayName: "Demo values",
    unitId: null,
    grants: [
      {
        id: "demo",
        role: "unit_approver",
        planId: null,
        systemId: null,
        projectId: null,
        unitId: null,
        unitIds: new Set(unitIds),
      },
    ],
    sessionId: null,
    csrfToken: null,
    totpEnabled: false,
    mustEnrolTotp: false,
  };
}

type DemoInput = ObservationInput & { late: boolean; pending: boolean };

/**
 * Submitted on time (a few days before the due date) or a few days late: the submission time
 * data quality reads for timeliness (the import stamped them all with its own time).
 */
async function backdateSubmissions(db: Db, inputs: readonly DemoInput[], refs: Refs): Promise<void> {
  const col = (f: (i: DemoInput) => string) => pgArray(inputs.map(f));
  const id = (m: Map<string, { id: string }>, code: string) => m.get(code)?.id ?? "";
  await db.execute(sql`update observations o set first_submitted_at = d.at
    from unnest(${col((i) => id(refs.indicators, i.indicator))}::uuid[], ${col((i) => id(refs.units, i.unit))}::uuid[],
      ${col((i) => i.period)}::text[],
      ${col((i) => new Date(dueAt(parsePeriod(i.period)).getTime() + (i.late ? 3 : -4) * 86400_000).toISOString())}::timestamptz[])
      as d(indicator_id, org_unit_id, period, at)
    where o.indicator_id = d.indicator_id and o.org_unit_id = d.org_unit_id and o.period = d.period
      and o.disagg_key = '' and o.deleted_at is null`);
}

/**
 * Approves the submitted values that are not the latest period, as a reviewer's approval does it
 * (a revision each, roll-ups, change batch, audit): the observations module's set-wise approval.
 */
async function approve(db: Db, inputs: readonly DemoInput[], refs: Refs, ctx: ChangeContext): Promise<void> {
  const cells = inputs.map((i) => ({
    indicatorId: refs.indicators.get(i.indicator)?.id ?? "",
    orgUnitId: refs.units.get(i.unit)?.id ?? "",
    period: i.period,
  }));
  await approveSubmittedValues(db, DEMO_SOURCE, cells, ctx);
}
