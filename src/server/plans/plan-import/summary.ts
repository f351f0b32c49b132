/** What a plan import reports: whether the plan was created or changed, and how much of each. */
export interface ImportSummary {
  plan: string;
  created: boolean;
  unchanged: boolean;
  counts: {
    phases: number;
    systems: number;
    initiatives: number;
    projects: number;
    tasks: number;
    roles: number;
    indicatorsCreated: number;
    indicatorsUpdated: number;
    indicatorsUnchanged: number;
    targetsCreated: number;
    targetsUpdated: number;
    linkedIndicators: number;
  };
}
