/**
 * Hooks of the org-unit administration page: every unit at once (the tree), and the changes —
 * create, change, retire a unit; a unit's profile and focal persons. Each change refreshes the
 * units' lists and the unit read by itself (the public pages share those keys).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { OrgUnitList } from "./org-units.js";
import type { AnswerOf, BodyOf } from "./types.js";

export type OrgUnitItem = OrgUnitList["items"][number];
export type NewOrgUnit = BodyOf<"/api/v1/org-units", "post">;
export type OrgUnitPatch = BodyOf<"/api/v1/org-units/{code}", "patch">;
export type UnitProfile = AnswerOf<"/api/v1/org-units/{code}/profile">;
export type FocalPerson = UnitProfile["focalPersons"][number];
export type ProfileBody = BodyOf<"/api/v1/org-units/{code}/profile", "put">;
export type FocalBody = BodyOf<"/api/v1/org-units/{code}/focal-persons", "post">;

/** Every unit, current or not, page after page (the demo has 150; a page holds 1,000). */
export function useAllOrgUnits() {
  return useQuery({
    queryKey: ["org-units", "all"],
    queryFn: async ({ signal }) => {
      const items: OrgUnitItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET("/api/v1/org-units", {
            params: { query: { limit: 1000, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

function useRefreshUnits() {
  const qc = useQueryClient();
  return (code?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["org-units"] }),
      code
        ? qc.invalidateQueries({ queryKey: ["org-unit", code] })
        : qc.invalidateQueries({ queryKey: ["org-unit"] }),
    ]);
}

export function useCreateOrgUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (body: NewOrgUnit) => unwrap(api.POST("/api/v1/org-units", { body })),
    onSuccess: (_, body) => refresh(body.code),
  });
}

export function useUpdateOrgUnit(code: string) {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (body: OrgUnitPatch) =>
      unwrap(api.PATCH("/api/v1/org-units/{code}", { params: { path: { code } }, body })),
    // A new parent changes two other units' children too: every unit is read again.
    onSuccess: () => refresh(),
  });
}

export function useRetireOrgUnit(code: string) {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (validTo: string) =>
      unwrap(api.DELETE("/api/v1/org-units/{code}", { params: { path: { code }, query: { validTo } } })),
    onSuccess: () => refresh(code),
  });
}

function useRefreshProfile(code: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["org-unit-profile", code] });
}

export function useSaveProfile(code: string) {
  const refresh = useRefreshProfile(code);
  return useMutation({
    mutationFn: (body: ProfileBody) =>
      unwrap(api.PUT("/api/v1/org-units/{code}/profile", { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAddFocalPerson(code: string) {
  const refresh = useRefreshProfile(code);
  return useMutation({
    mutationFn: (body: FocalBody) =>
      unwrap(api.POST("/api/v1/org-units/{code}/focal-persons", { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useChangeFocalPerson(code: string) {
  const refresh = useRefreshProfile(code);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<FocalBody> }) =>
      unwrap(api.PATCH("/api/v1/focal-persons/{id}", { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useRemoveFocalPerson(code: string) {
  const refresh = useRefreshProfile(code);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/focal-persons/{id}", { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
