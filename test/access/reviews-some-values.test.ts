/**
 * reviewsSomeValues (the session's `reviewValues` flag, which shows the review queue's link) is
 * canReviewValue's rule for "any value at all": true exactly when some value cell — of a plan or a
 * system the grants name, or of neither — is one the principal may approve, return and revise.
 * Checked on every role, scoped and unscoped, alone and in pairs; a token, the public and an
 * administrator still to enrol a second factor review nothing.
 */
import { describe, expect, it } from "vitest";
import { anonymous, type CellContext, type Principal, roles } from "../../src/server/access/index.js";
import { canReviewValue, reviewsSomeValues } from "../../src/server/access/policies/observations.js";
import type { RoleGrant, UserPrincipal } from "../../src/server/access/roles.js";
import { internalAdministrator } from "../../src/server/access/roles.js";

const PLAN = "11111111-1111-4111-8111-111111111111";
const SYSTEM = "22222222-2222-4222-8222-222222222222";
const UNIT = "33333333-3333-4333-8333-333333333333";

function grant(role: RoleGrant["role"], scope: Partial<RoleGrant> = {}): RoleGrant {
  return {
    id: `${role}-${Object.keys(scope).join("-")}`,
    role,
    planId: null,
    systemId: null,
    projectId: null,
    unitId: null,
    unitIds: new Set(),
    ...scope,
  };
}

function user(grants: RoleGrant[], mustEnrolTotp = false): UserPrincipal {
  return { ...internalAdministrator("someone"), grants, mustEnrolTotp };
}

/** Cells of the plan, of the system, of both, of another plan and system, and of none. */
const cells: CellContext[] = [[PLAN], []].flatMap((planIds) =>
  [[SYSTEM], ["44444444-4444-4444-8444-444444444444"], []].map((systemIds) => ({
    orgUnitId: UNIT,
    reporterUnitId: UNIT,
    indicatorCode: "X",
    indicatorPublished: true,
    responsibleUnitId: null,
    planIds,
    systemIds,
  })),
);

/** Every role with the scope it is granted on, and also with none set. */
const grants: RoleGrant[] = roles.flatMap((role) => [
  grant(role),
  grant(role, { planId: PLAN }),
  grant(role, { systemId: SYSTEM }),
  grant(role, { unitId: UNIT, unitIds: new Set([UNIT]) }),
]);

const reviewsAny = (p: Principal) => cells.some((c) => canReviewValue(p, c));

describe("reviewsSomeValues", () => {
  it("agrees with canReviewValue over every cell, for each role alone", () => {
    const disagree = grants
      .map((g) => user([g]))
      .filter((p) => reviewsSomeValues(p) !== reviewsAny(p))
      .map((p) => JSON.stringify(p.grants.map((g) => [g.role, g.planId, g.systemId])));
    expect(disagree).toEqual([]);
  });

  it("agrees with canReviewValue for every pair of roles", () => {
    let reviewers = 0;
    for (const a of grants)
      for (const b of grants) {
        const p = user([a, b]);
        expect(reviewsSomeValues(p), `${a.id} + ${b.id}`).toBe(reviewsAny(p));
        if (reviewsSomeValues(p)) reviewers++;
      }
    // Not trivially false: administrators, a plan's Standing Office and a system's Chief Engineer review.
    expect(reviewers).toBeGreaterThan(0);
  });

  it("is true of the three reviewing roles and of no other", () => {
    expect(reviewsSomeValues(user([grant("system_admin")]))).toBe(true);
    expect(reviewsSomeValues(user([grant("standing_office", { planId: PLAN })]))).toBe(true);
    expect(reviewsSomeValues(user([grant("chief_engineer", { systemId: SYSTEM })]))).toBe(true);
    for (const role of ["steering_member", "advisory_council", "chief_architect"] as const)
      expect(reviewsSomeValues(user([grant(role, { planId: PLAN })])), role).toBe(false);
    for (const role of ["unit_reporter", "unit_approver", "provincial_committee"] as const)
      expect(reviewsSomeValues(user([grant(role, { unitId: UNIT, unitIds: new Set([UNIT]) })])), role).toBe(
        false,
      );
  });

  it("is false for an administrator who must first enrol a second factor, a token and the public", () => {
    expect(reviewsSomeValues(user([grant("system_admin")], true))).toBe(false);
    expect(
      reviewsSomeValues({
        kind: "token",
        tokenId: "t",
        name: "t",
        unitId: UNIT,
        unitIds: new Set([UNIT]),
        indicators: "*",
        actions: new Set(["observations:write", "observations:read"]),
      }),
    ).toBe(false);
    expect(reviewsSomeValues(anonymous)).toBe(false);
  });
});
