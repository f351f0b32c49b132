/**
 * Semantic checks of a plan definition against itself and the database, before anything is
 * written: references, duplicate codes, tier order, years inside the plan. Every problem is
 * collected (not just the first) and located by its path in the file.
 */
import { checkFormula } from "../../domain/formula/check.js";
import { parseFormula, references } from "../../domain/formula/parse.js";
import type { PlanDefinition } from "../../domain/plan-definition/schema.js";

export interface CatalogueEntry {
  id: string;
  tier: string;
  /** Plan codes that own (defined) the indicator. */
  ownerPlans: string[];
}

export interface CheckContext {
  orgUnitCodes: ReadonlySet<string>;
  /** Whether an indicator code exists in the catalogue (for formula operands not otherwise loaded). */
  knownIndicator?: (code: string) => boolean;
  catalogue: ReadonlyMap<string, CatalogueEntry>;
  /** Codes already in the database for this plan (when the plan exists). */
  existing: { systems: ReadonlySet<string>; initiatives: ReadonlySet<string>; projects: ReadonlySet<string> };
}

export interface Problem {
  path: (string | number)[];
  vi: string;
  en: string;
}

const tierAbove: Record<string, string | undefined> = {
  operational: "kpi",
  kpi: "target",
  target: "objective",
  objective: "objective",
};

export function checkPlanDefinition(def: PlanDefinition, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const add = (path: (string | number)[], vi: string, en: string) => problems.push({ path, vi, en });

  if (def.endYear < def.startYear)
    add(["endYear"], "năm kết thúc phải ≥ năm bắt đầu", "endYear must be >= startYear");

  const uniqueCodes = <T extends { code: string }>(list: T[], key: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.code))
        add([key, i, "code"], `mã “${item.code}” bị trùng`, `duplicate code “${item.code}”`);
      seen.add(item.code);
    });
    return seen;
  };
  const systems = uniqueCodes(def.systems, "systems");
  const initiatives = uniqueCodes(def.initiatives, "initiatives");
  const projects = uniqueCodes(def.projects, "projects");
  uniqueCodes(def.phases, "phases");
  uniqueCodes(def.tasks, "tasks");
  uniqueCodes(def.roles, "roles");
  const fileIndicators = uniqueCodes(def.indicators, "indicators");

  const hasSystem = (c: string) => systems.has(c) || ctx.existing.systems.has(c);
  const hasInitiative = (c: string) => initiatives.has(c) || ctx.existing.initiatives.has(c);
  const hasProject = (c: string) => projects.has(c) || ctx.existing.projects.has(c);
  const unknown = (path: (string | number)[], what: string, whatEn: string, code: string) =>
    add(path, `không có ${what} “${code}”`, `unknown ${whatEn} “${code}”`);
  const unit = (path: (string | number)[], code: string | undefined) => {
    if (code !== undefined && !ctx.orgUnitCodes.has(code)) unknown(path, "đơn vị", "org unit", code);
  };
  const inPlan = (path: (string | number)[], year: number) => {
    if (year < def.startYear || year > def.endYear)
      add(
        path,
        `năm ${year} nằm ngoài thời gian kế hoạch (${def.startYear}–${def.endYear})`,
        `year ${year} is outside the plan (${def.startYear}–${def.endYear})`,
      );
  };

  def.phases.forEach((p, i) => {
    inPlan(["phases", i, "startYear"], p.startYear);
    inPlan(["phases", i, "endYear"], p.endYear);
    if (p.endYear < p.startYear)
      add(["phases", i, "endYear"], "năm kết thúc phải ≥ năm bắt đầu", "endYear must be >= startYear");
    p.focus.forEach((f, j) => {
      f.systems.forEach((s, k) => {
        if (!hasSystem(s)) unknown(["phases", i, "focus", j, "systems", k], "hệ thống", "system", s);
      });
      f.initiatives.forEach((s, k) => {
        if (!hasInitiative(s))
          unknown(["phases", i, "focus", j, "initiatives", k], "sáng kiến", "initiative", s);
      });
    });
  });
  def.initiatives.forEach((it, i) => {
    if (!hasSystem(it.system)) unknown(["initiatives", i, "system"], "hệ thống", "system", it.system);
    unit(["initiatives", i, "leadUnit"], it.leadUnit);
  });
  def.projects.forEach((p, i) => {
    if (p.system && !hasSystem(p.system)) unknown(["projects", i, "system"], "hệ thống", "system", p.system);
    p.initiatives.forEach((c, k) => {
      if (!hasInitiative(c)) unknown(["projects", i, "initiatives", k], "sáng kiến", "initiative", c);
    });
    unit(["projects", i, "ownerUnit"], p.ownerUnit);
  });
  def.tasks.forEach((t, i) => {
    if (t.initiative && !hasInitiative(t.initiative))
      unknown(["tasks", i, "initiative"], "sáng kiến", "initiative", t.initiative);
    if (t.project && !hasProject(t.project)) unknown(["tasks", i, "project"], "dự án", "project", t.project);
    unit(["tasks", i, "leadUnit"], t.leadUnit);
  });
  def.roles.forEach((r, i) => {
    r.units.forEach((u, k) => {
      unit(["roles", i, "units", k], u);
    });
  });

  const tierOf = (code: string): string | undefined =>
    def.indicators.find((x) => x.code === code)?.tier ?? ctx.catalogue.get(code)?.tier;

  def.indicators.forEach((ind, i) => {
    const owned = ctx.catalogue.get(ind.code);
    if (owned && owned.ownerPlans.length > 0 && !owned.ownerPlans.includes(def.code)) {
      add(
        ["indicators", i, "code"],
        `chỉ tiêu “${ind.code}” đã có trong danh mục (thuộc kế hoạch ${owned.ownerPlans.join(", ")}); dùng linkIndicators để liên kết`,
        `indicator “${ind.code}” already exists in the catalogue (owned by ${owned.ownerPlans.join(", ")}); use linkIndicators to link it`,
      );
    }
    unit(["indicators", i, "responsibleUnit"], ind.responsibleUnit);
    if (ind.reportedBy === "responsible" && !ind.responsibleUnit)
      add(
        ["indicators", i, "reportedBy"],
        "“responsible”: chỉ tiêu phải có responsibleUnit (đơn vị báo cáo thay cho mọi đơn vị)",
        "“responsible” needs a responsibleUnit (the unit reporting for every unit)",
      );
    ind.systems.forEach((s, k) => {
      if (!hasSystem(s)) unknown(["indicators", i, "systems", k], "hệ thống", "system", s);
    });
    ind.initiatives.forEach((s, k) => {
      if (!hasInitiative(s)) unknown(["indicators", i, "initiatives", k], "sáng kiến", "initiative", s);
    });
    ind.projects.forEach((s, k) => {
      if (!hasProject(s)) unknown(["indicators", i, "projects", k], "dự án", "project", s);
    });
    ind.targets.forEach((t, k) => {
      inPlan(["indicators", i, "targets", k, "year"], t.year);
      unit(["indicators", i, "targets", k, "orgUnit"], t.orgUnit);
    });
    if (ind.baseline && ind.baseline.year > def.endYear)
      add(
        ["indicators", i, "baseline", "year"],
        "năm cơ sở sau khi kế hoạch kết thúc",
        "baseline year after the plan ends",
      );
    ind.parents.forEach((p, k) => {
      const tier = tierOf(p.code);
      if (!tier) unknown(["indicators", i, "parents", k], "chỉ tiêu", "indicator", p.code);
      else if (p.code === ind.code)
        add(
          ["indicators", i, "parents", k],
          "chỉ tiêu không thể là cha của chính nó",
          "an indicator cannot be its own parent",
        );
      else if (tier !== tierAbove[ind.tier])
        add(
          ["indicators", i, "parents", k],
          `chỉ tiêu cha “${p.code}” thuộc tầng ${tier}, cần tầng ${tierAbove[ind.tier]}`,
          `parent “${p.code}” is tier ${tier}; expected tier ${tierAbove[ind.tier]}`,
        );
    });
    const comps = ind.aggregationComponents;
    if (comps) {
      for (const key of ["numerator", "denominator", "weight"] as const) {
        const c = comps[key];
        if (c && !tierOf(c))
          unknown(["indicators", i, "aggregationComponents", key], "chỉ tiêu", "indicator", c);
      }
    }
    if (ind.aggregation === "ratio_of_sums" && !(comps?.numerator && comps.denominator))
      add(
        ["indicators", i, "aggregationComponents"],
        "ratio_of_sums cần numerator và denominator",
        "ratio_of_sums needs numerator and denominator",
      );
    if (ind.aggregation === "weighted_mean" && !comps?.weight)
      add(
        ["indicators", i, "aggregationComponents"],
        "weighted_mean cần weight",
        "weighted_mean needs weight",
      );
  });

  // Formulas: syntax, unknown codes, argument types and cycles, each with its column.
  const formulaRefs = new Map<string, string[]>();
  for (const ind of def.indicators) {
    if (!ind.formula) continue;
    try {
      formulaRefs.set(ind.code, references(parseFormula(ind.formula)));
    } catch {
      // Reported below.
    }
  }
  def.indicators.forEach((ind, i) => {
    if (!ind.formula) return;
    const result = checkFormula(ind.code, ind.formula, {
      known: (c) => fileIndicators.has(c) || ctx.catalogue.has(c) || ctx.knownIndicator?.(c) === true,
      formulaRefs: (c) => formulaRefs.get(c),
    });
    for (const e of result.errors)
      add(
        ["indicators", i, "formula"],
        `công thức, cột ${e.column}: ${e.messageVi}`,
        `formula, column ${e.column}: ${e.message}`,
      );
  });

  def.linkIndicators.forEach((l, i) => {
    if (!ctx.catalogue.has(l.code) && !fileIndicators.has(l.code))
      unknown(["linkIndicators", i], "chỉ tiêu trong danh mục", "catalogue indicator", l.code);
    l.systems.forEach((s, k) => {
      if (!hasSystem(s)) unknown(["linkIndicators", i, "systems", k], "hệ thống", "system", s);
    });
    l.initiatives.forEach((s, k) => {
      if (!hasInitiative(s)) unknown(["linkIndicators", i, "initiatives", k], "sáng kiến", "initiative", s);
    });
  });

  return problems;
}
