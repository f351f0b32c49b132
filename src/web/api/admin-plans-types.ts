/** Plan administration's request bodies alone, apart from its hooks (pure models import these). */
import type { BodyOf } from "./types.js";

export type SystemBody = BodyOf<"/api/v1/plans/{code}/systems", "post">;
export type SystemPatch = BodyOf<"/api/v1/plans/{code}/systems/{system}", "patch">;
export type InitiativeBody = BodyOf<"/api/v1/plans/{code}/initiatives", "post">;
export type InitiativePatch = BodyOf<"/api/v1/plans/{code}/initiatives/{initiative}", "patch">;
export type ProjectBody = BodyOf<"/api/v1/plans/{code}/projects", "post">;
export type ProjectPatch = BodyOf<"/api/v1/plans/{code}/projects/{project}", "patch">;
export type NewIndicatorBody = BodyOf<"/api/v1/plans/{code}/indicators", "post">;
export type IndicatorPatchBody = BodyOf<"/api/v1/indicators/{code}", "patch">;
export type TargetBody = BodyOf<"/api/v1/plans/{code}/indicators/{indicator}/targets", "put">;
