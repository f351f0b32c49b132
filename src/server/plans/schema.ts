/** API shapes of the plan structure: plans, phases, systems, initiatives, projects, roles. */
import { z } from "zod";
import { planCan } from "../../contracts/can.js";
import { localized, optionalLocalized } from "../../contracts/common.js";
import { outputKinds } from "../../domain/plan-definition/schema.js";

export const planSummary = z.object({
  code: z.string(),
  name: localized,
  shortName: optionalLocalized,
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: z.string(),
  counts: z.object({
    systems: z.number().int(),
    initiatives: z.number().int(),
    indicators: z.number().int(),
  }),
});

export const phaseFocus = z.object({
  title: localized,
  description: optionalLocalized,
  systems: z.array(z.string()),
  initiatives: z.array(z.string()),
});

export const phase = z.object({
  code: z.string(),
  name: localized,
  startYear: z.number().int(),
  endYear: z.number().int(),
  summary: optionalLocalized,
  focus: z.array(phaseFocus),
});

export const planRole = z.object({
  code: z.string(),
  name: localized,
  sourceRef: z.string().nullable(),
  responsibilities: z.array(localized),
  units: z.array(z.string()),
  reporting: optionalLocalized,
});

export const planDetail = planSummary.extend({
  issuedBy: optionalLocalized,
  description: optionalLocalized,
  generalObjective: optionalLocalized,
  statusThresholds: z
    .object({ onTrack: z.number(), offTrack: z.number() })
    .nullable()
    .describe(
      "Chances of meeting a target: on track at or above onTrack, off track below offTrack (null: 0.8 and 0.2).",
    ),
  phases: z.array(phase),
  roles: z.array(planRole),
});

/** A plan as read by itself: with what the caller may do with it. */
export const planRead = planDetail.extend({ can: planCan });

export const system = z.object({
  code: z.string(),
  number: z.number().int(),
  kind: z.enum(["strategic", "special_projects"]),
  name: localized,
  mainContent: optionalLocalized,
  strategicRole: optionalLocalized,
  initiatives: z.array(z.string()).describe("Codes of the system's initiatives."),
  indicatorCount: z.number().int(),
  chiefEngineers: z
    .array(z.object({ name: z.string(), unit: z.string().nullable() }))
    .describe("Who holds the system's Chief Engineer role now (name and unit code)."),
  retired: z.boolean(),
});

export const initiative = z.object({
  code: z.string(),
  number: z.number().int(),
  system: z.string(),
  title: localized,
  shortTitle: optionalLocalized,
  objective: optionalLocalized,
  content: optionalLocalized,
  outputs: z
    .array(
      z.object({
        title: localized,
        kind: z
          .enum(outputKinds)
          .nullable()
          .describe("As the plan's proposal template lists them (Appendix I.II); null: not said"),
        proposed: z
          .boolean()
          .describe("Drawn by Chỉ Nam from the initiative's content; the source lists no outputs for it"),
      }),
    )
    .describe("Expected outputs (sản phẩm đầu ra dự kiến), in order"),
  leadUnit: z.string().nullable(),
  focusInPhases: z.array(z.string()).describe("Phases whose focus names this initiative (plan section IV)."),
  projects: z.array(z.string()),
  retired: z.boolean(),
});

export const project = z.object({
  code: z.string(),
  kind: z.string(),
  name: localized,
  description: optionalLocalized,
  system: z.string().nullable(),
  initiatives: z.array(z.string()),
  ownerUnit: z.string().nullable(),
  hasStdxComponent: z.boolean(),
  chiefArchitect: z.string().nullable(),
  reportsTo: z.string().nullable(),
  retired: z.boolean(),
});

export const planParams = z.object({ code: z.string().min(1).max(64).describe("Plan code, e.g. NQ57.") });

/** The roadmap: each phase's focus items with the systems and initiatives they name, resolved. */
export const roadmap = z.object({
  plan: z.object({
    code: z.string(),
    name: localized,
    startYear: z.number().int(),
    endYear: z.number().int(),
  }),
  phases: z.array(
    phase.omit({ focus: true }).extend({
      focus: z.array(
        phaseFocus.omit({ systems: true, initiatives: true }).extend({
          systems: z.array(z.object({ code: z.string(), name: localized })),
          initiatives: z.array(
            z.object({
              code: z.string(),
              system: z.string().nullable(),
              title: localized,
              shortTitle: optionalLocalized,
            }),
          ),
        }),
      ),
    }),
  ),
});
