import { describe, expect, it } from "vitest";
import {
  curlExamples,
  emptyIssueForm,
  examplePeriod,
  type IndicatorLike,
  indicatorsReportedBy,
  issueBody,
  issueProblems,
  tokensShown,
} from "../../src/web/pages/admin-tokens/token-model.js";

const ind = (code: string, over: Partial<IndicatorLike> = {}): IndicatorLike => ({
  code,
  tier: "operational",
  reportedBy: "unit",
  responsibleUnit: null,
  retired: false,
  ...over,
});

describe("indicatorsReportedBy", () => {
  const list = [
    ind("OWN"),
    ind("NATIONAL", { reportedBy: "responsible", responsibleUnit: "GSO" }),
    ind("BY-HANOI", { reportedBy: "responsible", responsibleUnit: "HA-NOI" }),
    ind("RESP-NONE", { reportedBy: "responsible", responsibleUnit: null }),
    ind("OLD", { retired: true }),
    ind("KPI", { tier: "kpi" }),
    ind("TARGET", { tier: "target" }),
  ];
  it("keeps the operational, current indicators whose cells the unit itself reports", () => {
    expect(indicatorsReportedBy(list, "HA-NOI").map((i) => i.code)).toEqual(["OWN", "BY-HANOI", "RESP-NONE"]);
  });
  it("gives the responsible unit the indicators it reports for everyone", () => {
    expect(indicatorsReportedBy(list, "GSO").map((i) => i.code)).toEqual(["OWN", "NATIONAL", "RESP-NONE"]);
  });
  it("is empty for an empty catalogue", () => {
    expect(indicatorsReportedBy([], "HA-NOI")).toEqual([]);
  });
});

describe("the issue form", () => {
  const good = { ...emptyIssueForm(), name: " Cổng Hà Nội ", unit: "HA-NOI", indicators: ["A", "B", "A"] };

  it("starts with nothing to send, naming each missing field", () => {
    expect(issueProblems(emptyIssueForm())).toEqual({
      name: "nameRequired",
      unit: "unitRequired",
      indicators: "indicatorsRequired",
    });
    expect(issueBody(emptyIssueForm())).toBeNull();
  });

  it("builds the body: trimmed name, indicators once each, actions in the server's order", () => {
    expect(issueBody({ ...good, actions: ["observations:write", "indicators:read"] })).toEqual({
      name: "Cổng Hà Nội",
      unit: "HA-NOI",
      indicators: ["A", "B"],
      actions: ["indicators:read", "observations:write"],
      expiresInDays: 90,
    });
  });

  it("sends every indicator as '*' and then needs none picked", () => {
    const all = { ...good, indicators: [], allIndicators: true };
    expect(issueProblems(all)).toEqual({});
    expect(issueBody(all)?.indicators).toBe("*");
  });

  it("refuses no action, a blank or long name, and days outside 1–366 or not whole", () => {
    expect(issueProblems({ ...good, actions: [] })).toEqual({ actions: "actionsRequired" });
    expect(issueProblems({ ...good, name: "   " })).toEqual({ name: "nameRequired" });
    expect(issueProblems({ ...good, name: "x".repeat(101) })).toEqual({ name: "nameTooLong" });
    expect(issueProblems({ ...good, name: "x".repeat(100) })).toEqual({});
    for (const days of [0, 367, 1.5, "", "abc", -3])
      expect(issueProblems({ ...good, days }).days).toBe("daysRange");
    for (const days of [1, 366, "30"]) expect(issueProblems({ ...good, days })).toEqual({});
    expect(issueBody({ ...good, days: "30" })?.expiresInDays).toBe(30);
  });
});

describe("curlExamples", () => {
  const token = {
    token: "cn_ab12cd34_secret",
    unit: "HA-NOI",
    actions: ["observations:read", "observations:write"],
  };

  it("always shows what the token carries, against this instance", () => {
    const [first] = curlExamples("https://chinam.example.vn/", token, undefined);
    expect(first).toEqual({
      key: "current",
      command:
        "curl -H 'Authorization: Bearer cn_ab12cd34_secret' 'https://chinam.example.vn/api/v1/api-tokens/current'",
    });
    expect(curlExamples("https://x", token, undefined)).toHaveLength(1);
  });

  it("adds one request per action the token may do, on its sample indicator and period", () => {
    const ex = curlExamples("http://127.0.0.1:4317", token, { indicator: "OI_A&B", period: "2026-10" });
    expect(ex.map((e) => e.key)).toEqual(["current", "observationsRead", "observationsWrite"]);
    expect(ex[1]?.command).toContain(
      "'http://127.0.0.1:4317/api/v1/observations?indicator=OI_A%26B&unit=HA-NOI'",
    );
    expect(ex[2]?.command).toContain("curl -X PUT");
    expect(ex[2]?.command).toContain(`'{"indicator":"OI_A&B","unit":"HA-NOI","period":"2026-10","value":0}'`);
    const read = curlExamples(
      "http://h",
      { ...token, actions: ["indicators:read"] },
      { indicator: "X", period: "2026" },
    );
    expect(read.map((e) => e.key)).toEqual(["current", "indicatorsRead"]);
    expect(read[1]?.command).toContain("'http://h/api/v1/indicators/X'");
  });

  it("quotes a single quote inside a value for the shell", () => {
    const ex = curlExamples("http://h", { ...token, unit: "O'NEIL" }, { indicator: "X", period: "2026" });
    expect(ex[1]?.command).toContain("unit=O'\\''NEIL");
  });
});

describe("examplePeriod", () => {
  const today = new Date(2026, 11, 7); // 7 December 2026
  it("is the last period that has ended, for the indicator's frequency", () => {
    expect(examplePeriod("monthly", today)).toBe("2026-11");
    expect(examplePeriod("quarterly", today)).toBe("2026-Q3");
    expect(examplePeriod("half_yearly", today)).toBe("2026-H1");
    expect(examplePeriod("yearly", today)).toBe("2025");
    expect(examplePeriod("ad_hoc", today)).toBe("2025");
  });
  it("crosses into the previous year in January", () => {
    expect(examplePeriod("monthly", new Date(2027, 0, 3))).toBe("2026-12");
  });
});

describe("tokensShown", () => {
  const list = [
    { id: "1", status: "active", unit: "HA-NOI" },
    { id: "2", status: "revoked", unit: "HA-NOI" },
    { id: "3", status: "active", unit: "HUE" },
    { id: "4", status: "expired", unit: "HUE" },
  ];
  it("filters by status and unit, keeping the order", () => {
    expect(tokensShown(list, {}).map((t) => t.id)).toEqual(["1", "2", "3", "4"]);
    expect(tokensShown(list, { status: "active" }).map((t) => t.id)).toEqual(["1", "3"]);
    expect(tokensShown(list, { unit: "HUE" }).map((t) => t.id)).toEqual(["3", "4"]);
    expect(tokensShown(list, { status: "revoked", unit: "HUE" })).toEqual([]);
  });
});
