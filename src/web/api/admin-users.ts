/**
 * Hooks for account administration (/admin/users): the list, one account with the roles the
 * caller may grant it, and each change. Keys start with "admin-user": every change refreshes the
 * list and the account it touched.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GrantBody, NewUser, UserListQuery, UserPatch } from "./admin-users-types.js";
import { api, unwrap } from "./client.js";

export type {
  Grant,
  Grantable,
  GrantBody,
  GrantScope,
  NewUser,
  PasswordLink,
  Role,
  UserDetail,
  UserList,
  UserListQuery,
  UserPatch,
  UserRow,
  UserSessions,
} from "./admin-users-types.js";

const LIST = "admin-users";
const ONE = "admin-user";

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: [LIST, query],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users", { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [ONE, id],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users/{id}", { params: { path: { id } }, signal })),
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return (id?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [LIST] }),
      id ? qc.invalidateQueries({ queryKey: [ONE, id] }) : undefined,
    ]);
}

/** Creates an account without a password: the answer carries its one-time set-password link. */
export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess: () => void refresh(),
  });
}

export function usePatchUser(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UserPatch) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body })),
    onSuccess: () => void refresh(id),
  });
}

/** A new one-time link (24 h) for the account to set its password. */
export function useResetLink() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/users/{id}/password-reset", { params: { path: { id } } })),
  });
}

export function useGrantRole(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: GrantBody) =>
      unwrap(api.POST("/api/v1/users/{id}/roles", { params: { path: { id } }, body })),
    onSuccess: () => void refresh(id),
  });
}

export function useRevokeRole(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (grant: string) =>
      unwrap(api.DELETE("/api/v1/users/{id}/roles/{grant}", { params: { path: { id, grant } } })),
    onSuccess: () => void refresh(id),
  });
}

export function useUserSessions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [ONE, id, "sessions"],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/users/{id}/sessions", { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useEndUserSessions(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/users/{id}/sessions", { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [ONE, id, "sessions"] }),
  });
}
