/**
 * The periods the wizard offers for a template: recent months, quarters and years (the template
 * holds the plan's indicators reported at that period's frequency), newest first, and their names
 * in each language. The default is the month just ended: what an officer reports now.
 */
export interface PeriodGroup {
  kind: "month" | "quarter" | "year";
  periods: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The month before `today`'s (as 2026-11). */
export function lastMonth(today: Date): string {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: this is already last month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${pad(m)}`;
}

/** Months (this one and the 14 before), quarters (this one and 4 before), years (this and 2 before). */
export function periodGroups(today: Date): PeriodGroup[] {
  const y = today.getFullYear();
  const m = today.getMonth();
  const months: string[] = [];
  for (let i = 0; i < 15; i++) {
    const d = new Date(y, m - i, 1);
    months.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
  }
  const quarters: string[] = [];
  const q = Math.floor(m / 3);
  for (let i = 0; i < 5; i++) {
    const n = y * 4 + q - i;
    quarters.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`);
  }
  return [
    { kind: "month", periods: months },
    { kind: "quarter", periods: quarters },
    { kind: "year", periods: [0, 1, 2].map((i) => String(y - i)) },
  ];
}

/** A period as people write it: "Tháng 11/2026", "Quý 4/2026", "Năm 2026"; "November 2026", "Q4 2026", "2026". */
export function periodLabel(period: string, lang: "vi" | "en"): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [, y, mm] = month;
    if (lang === "vi") return `Tháng ${Number(mm)}/${y}`;
    return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(Number(y), Number(mm) - 1, 1)),
    );
  }
  const part = /^(\d{4})-([QH])([1-4])$/.exec(period);
  if (part) {
    const [, y, k, n] = part;
    if (k === "Q") return lang === "vi" ? `Quý ${n}/${y}` : `Q${n} ${y}`;
    return lang === "vi" ? `${n === "1" ? "6 tháng đầu năm" : "6 tháng cuối năm"} ${y}` : `H${n} ${y}`;
  }
  return /^\d{4}$/.test(period) && lang === "vi" ? `Năm ${period}` : period;
}
