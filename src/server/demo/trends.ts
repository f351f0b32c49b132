/**
 * The demo's trends (`npm run demo` only): for each proposed NQ57 operational indicator it fills,
 * a level and its change per year, which indicators each province reports, and the parts the
 * plan's shares divide by their wholes. generate.ts makes the values from them.
 */

/** A level at the start of 2025 and its change per year (linear), with relative noise. */
export interface Trend {
  v0: number;
  slope: number;
  noise?: number;
  /** Values are rounded to this many decimals. */
  decimals?: number;
  /** A yes/no milestone reached in this period code. */
  reachedIn?: string;
}

/** Indicators each province reports for itself (their national figure is the sum). */
export const PROVINCIAL = new Set([
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "OI_EDOCS_EXCHANGED",
  "OI_DOCS_ISSUED_TOTAL",
  "OI_WORK_RECORDS_ONLINE",
  "OI_WORK_RECORDS_TOTAL",
  "OI_DIGITAL_SKILLS_TRAINEES",
]);

/** Sub-yearly indicators that yearly KPIs divide by: from 2021 too, so those KPIs have a trend. */
export const LONG_HISTORY = new Set(["OI_GDP"]);

/**
 * Parts and the wholes the plan's shares divide them by (`A / B * 100`, ratio of sums): a part is
 * made from its whole, never above it. A province reports both in one report — the same gaps, the
 * same day, and an outlier keyed into the report scales both — and its part is its whole times
 * the country's share of the period, with a steady lead or lag of the province and a little
 * noise. A national part is capped by its whole of the same period or, for a yearly whole (the
 * population), by the least that whole can be that year, so trends that would cross their whole
 * in later years level off at 100 %. Not listed: OI_BUDGET_STI_DX_DISBURSED, a quarter's flow
 * against the year's allocation (the year's four quarters stay well below it).
 */
export const PART_OF: ReadonlyMap<string, string> = new Map([
  ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL"],
  ["OI_EDOCS_EXCHANGED", "OI_DOCS_ISSUED_TOTAL"],
  ["OI_WORK_RECORDS_ONLINE", "OI_WORK_RECORDS_TOTAL"],
  ["OI_ENTERPRISES_INNOVATING", "OI_ENTERPRISES_SURVEYED"],
  ["OI_RD_EXPENDITURE_BUSINESS", "OI_RD_EXPENDITURE"],
  ["OI_BUDGET_STI_DX_ALLOCATED", "OI_BUDGET_TOTAL_ALLOCATED"],
  ["OI_PATENTS_COMMERCIALISED", "OI_PATENTS_IN_FORCE_DOMESTIC"],
  ["OI_AGENCIES_USING_AI", "OI_AGENCIES_TOTAL"],
  ["OI_HIGHTECH_EXPORTS", "OI_TOTAL_EXPORTS"],
  ["OI_FULL_ONLINE_PROCEDURES", "OI_ADMIN_PROCEDURES_TOTAL"],
  ["OI_NATIONAL_DB_COMPLETED", "OI_NATIONAL_DB_LISTED"],
  ["OI_SECTORAL_DB_CONNECTED", "OI_SECTORAL_DB_TOTAL"],
  ["OI_VNEID_L2_ACTIVATED", "OI_ADULT_POPULATION"],
  ["OI_CASHLESS_TRANSACTIONS", "OI_PAYMENT_TRANSACTIONS_TOTAL"],
  ["OI_ADULTS_WITH_PAYMENT_ACCOUNT", "OI_ADULT_POPULATION"],
  ["OI_ADULTS_BASIC_DIGITAL_SKILLS", "OI_ADULT_POPULATION"],
  ["OI_POP_COVERED_5G", "OI_POPULATION"],
  ["OI_INFO_SYSTEMS_SECURED", "OI_INFO_SYSTEMS_TOTAL"],
  ["OI_DIGITAL_TECH_ENTERPRISES", "OI_ENTERPRISES_ACTIVE"],
  ["OI_EHR_CITIZENS", "OI_POPULATION"],
  ["OI_BOTTLENECKS_RESOLVED", "OI_BOTTLENECKS_IDENTIFIED"],
  ["OI_HOUSEHOLDS_FTTH", "OI_HOUSEHOLDS_TOTAL"],
]);

/**
 * National trends (per period for flows). Chosen outcomes against the 2030 targets:
 * online public services on track, e-documents off track, high-tech exports at risk, cashless on
 * track, AI in agencies off track, national databases at risk, R&D/GDP off track, digital economy
 * at risk, HDI achieved, EGDI at risk, GII flat (off track).
 */
export const TRENDS: Record<string, Trend> = {
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

/** The indicators the demo gives values to (when the plan has them as proposed operational indicators). */
export const demoIndicatorCodes: ReadonlySet<string> = new Set(Object.keys(TRENDS));
