/** A small entry sheet in the API's shape, for the grid's pure modules. */
import type { EntryCell, EntryIndicator, EntrySheet } from "../../src/web/api/entry-types.js";

const can = {
  write: true,
  submit: false,
  recall: false,
  approve: false,
  return: false,
  revise: false,
  delete: false,
};

export function cell(over: Partial<EntryCell> = {}): EntryCell {
  return {
    unit: "HA-NOI",
    reporterUnit: "HA-NOI",
    disaggregation: {},
    value: null,
    returned: null,
    lock: null,
    can,
    history: Array.from({ length: 12 }, () => null),
    ...over,
  };
}

export function value(over: Partial<NonNullable<EntryCell["value"]>> = {}): NonNullable<EntryCell["value"]> {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    value: 10,
    status: "draft",
    version: 3,
    source: "Sở KH&CN",
    comment: null,
    evidenceUrl: "https://example.org/e",
    reporterUnit: "HA-NOI",
    updatedBy: "demo-reporter-hanoi",
    updatedAt: "2026-12-01T03:00:00.000Z",
    ...over,
  };
}

export function indicator(
  code: string,
  cells: EntryCell[],
  over: Partial<EntryIndicator> = {},
): EntryIndicator {
  return {
    code,
    name: { vi: `Chỉ tiêu ${code}`, en: `Indicator ${code}` },
    tier: "operational",
    unit: { vi: "lượt", en: "times" },
    frequency: "monthly",
    valueType: "number",
    bounds: { min: 0, max: null },
    reportedBy: "unit",
    disaggregations: [],
    dueAt: "2026-12-25T16:59:59.000Z",
    cells,
    ...over,
  };
}

export function sheet(indicators: EntryIndicator[]): EntrySheet {
  return {
    unit: { code: "HA-NOI", name: { vi: "Thành phố Hà Nội", en: "Ha Noi City" }, kind: "province" },
    plan: "NQ57",
    period: "2026-12",
    periodKind: "month",
    history: Array.from({ length: 12 }, (_, i) =>
      i === 0 ? "2025-12" : `2026-${String(i).padStart(2, "0")}`,
    ),
    units: {},
    indicators,
    related: [],
  };
}
