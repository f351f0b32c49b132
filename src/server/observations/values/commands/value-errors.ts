/** The refusals of the value rules, worded for the user (docs/access.md, "Values: who may change what"). */
import { AppError, type ErrorDetail } from "../../../core/errors.js";

const STATES = {
  submitted: {
    vi: "được gửi duyệt",
    en: "submitted",
    who: "lãnh đạo duyệt của đơn vị có thể thu hồi về bản nháp khi chưa được duyệt, hoặc người rà soát trả lại",
    whoEn:
      "the unit's approver may recall it to a draft while it is not approved, or a reviewer may return it",
  },
  approved: {
    vi: "được phê duyệt (số liệu chính thức)",
    en: "approved (an official figure)",
    who: "chỉ người rà soát (Cơ quan Thường trực, Tổng công trình sư của hệ thống) sửa được, kèm lý do",
    whoEn: "only a reviewer (the Standing Office, the system's Chief Engineer) may revise it, with a reason",
  },
} as const;

/** Why a value in `status` is out of its unit's hands, and the actions that may still change it. */
export function lockExplanation(status: string): {
  vi: string;
  en: string;
  mayChange: ("recall" | "return" | "revise")[];
} {
  const s = STATES[status as keyof typeof STATES] ?? STATES.approved;
  return {
    vi: `số liệu đã ${s.vi}: ${s.who}`,
    en: `the value is ${s.en}: ${s.whoEn}`,
    mayChange: status === "submitted" ? ["recall", "return"] : ["revise"],
  };
}

/** 409: a unit's write to a value that is submitted or approved. */
export function valueLocked(status: string, value: unknown, path = "value"): AppError {
  const s = STATES[status as keyof typeof STATES] ?? STATES.approved;
  const why = lockExplanation(status);
  return new AppError("VALUE_LOCKED", { state: s.vi, stateEn: s.en, who: s.who, whoEn: s.whoEn }, [
    {
      path,
      message: why.vi,
      messageEn: why.en,
      value: { status, current: value, mayChange: why.mayChange },
    },
  ]);
}

/** The message of a locked row in an upload (the row is refused, the others are not written either). */
export function lockedRowMessage(status: string): { vi: string; en: string } {
  const s = STATES[status as keyof typeof STATES] ?? STATES.approved;
  return {
    vi: `số liệu đã ${s.vi}, không sửa qua tệp được: ${s.who}`,
    en: `the value is ${s.en} and cannot be changed by upload: ${s.whoEn}`,
  };
}

type ReporterUnit = { code: string; nameVi: string; nameEn: string | null };

/** Who reports a cell, in both languages. */
export function reportedByMessage(reporter: ReporterUnit): { vi: string; en: string } {
  return {
    vi: `ô số liệu này do ${reporter.nameVi} (${reporter.code}) báo cáo`,
    en: `this value cell is reported by ${reporter.nameEn ?? reporter.nameVi} (${reporter.code})`,
  };
}

/** 403: a write by someone who does not report the cell, naming who does. */
export function notCellReporter(reporter: ReporterUnit): AppError {
  const said = reportedByMessage(reporter);
  return new AppError(
    "NOT_CELL_REPORTER",
    {
      reporter: `${reporter.nameVi} (${reporter.code})`,
      reporterEn: `${reporter.nameEn ?? reporter.nameVi} (${reporter.code})`,
    },
    [{ path: "unit", message: said.vi, messageEn: said.en, value: { reporterUnit: reporter.code } }],
  );
}

const REFERENCE_FIELDS = new Set(["indicator", "unit", "reporterUnit", "disaggregation"]);

/** 422 for an input that fails its checks: reference problems, or value problems (bounds, periods, types). */
export function invalidInput(problems: ErrorDetail[]): AppError {
  const fields = problems.map((p) => (p.path ?? "").split(".").pop() ?? "");
  const summary = problems.map((p) => p.message).join("; ");
  const summaryEn = problems.map((p) => p.messageEn ?? p.message).join("; ");
  return fields.every((f) => REFERENCE_FIELDS.has(f))
    ? new AppError("INVALID_REFERENCE", { summary, summaryEn }, problems)
    : new AppError("INVALID_VALUE", { summary, summaryEn }, problems);
}
