/**
 * The signed-in user's own account: password change, the TOTP second factor (start, confirm,
 * turn off) and their sessions (list, sign out everywhere). One hook per endpoint.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiPaths } from "../../contracts/client.js";
import { api, setSessionState, unwrap } from "./client.js";
import { sessionKey } from "./session.js";
import type { AnswerOf } from "./types.js";

export type MySessions = AnswerOf<"/api/v1/me/sessions">;
export type MySession = MySessions["items"][number];
export type PasswordChange = NonNullable<
  ApiPaths["/api/v1/me/password"]["put"]["requestBody"]
>["content"]["application/json"];
export type TotpEnrolment =
  ApiPaths["/api/v1/me/totp"]["post"]["responses"]["200"]["content"]["application/json"];

const sessionsKey = ["me", "sessions"] as const;

export function useMySessions(enabled = true) {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me/sessions", { signal })),
    enabled,
    staleTime: 10_000,
  });
}

/** Other sessions end on the server; this one stays, so only the session list is stale. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => unwrap(api.PUT("/api/v1/me/password", { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useStartTotp() {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/totp")),
  });
}

/** Turning the second factor on or off changes the session's totpEnabled and mustEnrolTotp. */
export function useConfirmTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST("/api/v1/me/totp/confirm", { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useDisableTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.DELETE("/api/v1/me/totp", { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** The API ends every session, this one included, and clears the cookie: the user is signed out. */
export function useSignOutEverywhere() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/me/sessions")),
    onSuccess: () => {
      setSessionState(null);
      qc.clear();
      qc.setQueryData(sessionKey, null);
    },
  });
}
