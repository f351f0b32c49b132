/**
 * Whether a unit may be given a validity (validFrom … validTo): it must not end before it starts,
 * values recorded for it must stay inside it, and its sub-units must not outlive it. Checked before
 * writing, so the client learns which field is wrong (the database's own check would only fail).
 */
import type { Executor } from "../../db/client.js";
import { monthRange, parsePeriod } from "../../domain/periods.js";
import { AppError, type ErrorDetail } from "../core/errors.js";
import { childrenValidAfter, unitValuePeriods } from "./queries.js";

export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/** Where each field is in the request, e.g. `body.validTo` or `querystring.validTo`. */
export interface ValidityPaths {
  validFrom: string;
  validTo: string;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day (YYYY-MM-DD) of a period code. */
function periodDays(code: string): [string, string] {
  const p = parsePeriod(code);
  const [first, last] = monthRange(p);
  const mm = (m: number) => String(m).padStart(2, "0");
  return [`${p.year}-${mm(first)}-01`, `${p.year}-${mm(last)}-${lastDay(p.year, last)}`];
}

/** Problems with giving the unit `next` (an existing unit: `unitId`; a new one: null). */
export async function validityProblems(
  db: Executor,
  unitId: string | null,
  next: Validity,
  paths: ValidityPaths,
): Promise<ErrorDetail[]> {
  const { validFrom: from, validTo: to } = next;
  const out: ErrorDetail[] = [];
  if (from && to && to < from)
    out.push({
      path: paths.validTo,
      message: `ngày hết hiệu lực ${to} trước ngày có hiệu lực ${from}`,
      messageEn: `validTo ${to} is before validFrom ${from}`,
    });
  if (!unitId || (!from && !to)) return out;

  const periods = await unitValuePeriods(db, unitId);
  const days = periods
    .flatMap((r) => {
      // A code stored before periods were parsed strictly (" 2026-12") has no span: not a witness.
      try {
        return [{ period: r, span: periodDays(r) }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => (a.span[0] < b.span[0] ? -1 : 1));
  const after = to ? days.filter((d) => d.span[0] > to) : [];
  const before = from ? days.filter((d) => d.span[1] < from) : [];
  if (after.length > 0)
    out.push({
      path: paths.validTo,
      message: `đơn vị có ${after.length} kỳ số liệu sau ngày ${to} (từ kỳ ${after[0]?.period})`,
      messageEn: `the unit has values of ${after.length} period(s) after ${to} (from ${after[0]?.period})`,
    });
  if (before.length > 0)
    out.push({
      path: paths.validFrom,
      message: `đơn vị có ${before.length} kỳ số liệu trước ngày ${from} (đến kỳ ${before.at(-1)?.period})`,
      messageEn: `the unit has values of ${before.length} period(s) before ${from} (up to ${before.at(-1)?.period})`,
    });

  if (to) {
    const children = await childrenValidAfter(db, unitId, to, 11);
    if (children.length > 0) {
      const list = children.slice(0, 10).join(", ");
      const more = children.length > 10 ? ", …" : "";
      out.push({
        path: paths.validTo,
        message: `đơn vị trực thuộc còn hiệu lực sau ngày ${to}: ${list}${more} — hãy chuyển hoặc cho hết hiệu lực trước`,
        messageEn: `sub-units stay valid after ${to}: ${list}${more} — move or retire them first`,
      });
    }
  }
  return out;
}

/** Refuses the validity with every problem named by its field. */
export async function assertValidity(
  db: Executor,
  code: string,
  unitId: string | null,
  next: Validity,
  paths: ValidityPaths,
): Promise<void> {
  const problems = await validityProblems(db, unitId, next, paths);
  if (problems.length === 0) return;
  throw new AppError(
    "ORG_UNIT_VALIDITY",
    {
      code,
      summary: problems.map((p) => `${p.path}: ${p.message}`).join("; "),
      summaryEn: problems.map((p) => `${p.path}: ${p.messageEn}`).join("; "),
    },
    problems,
  );
}
