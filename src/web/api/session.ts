/** The signed-in user (GET /session), signing in and out, the instance's sign-in options. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiPaths } from "../../contracts/client.js";
import { api, setSessionState, unwrap } from "./client.js";

export type Session = ApiPaths["/api/v1/session"]["get"]["responses"]["200"]["content"]["application/json"];
export type Instance = ApiPaths["/api/v1/instance"]["get"]["responses"]["200"]["content"]["application/json"];
export type SignInBody = NonNullable<
  ApiPaths["/api/v1/session"]["post"]["requestBody"]
>["content"]["application/json"];

export const sessionKey = ["session"] as const;

/** null when nobody is signed in (asked through the probe, which answers 200 either way). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<Session | null> => {
      const { session } = await unwrap(api.GET("/api/v1/session/probe", { signal }));
      setSessionState(session);
      return session;
    },
    staleTime: 60_000,
  });

export function useSession() {
  return useQuery(sessionQuery());
}

export function useInstance() {
  return useQuery({
    queryKey: ["instance"],
    queryFn: () => unwrap(api.GET("/api/v1/instance")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => unwrap(api.POST("/api/v1/session", { body })),
    onSuccess: (s) => {
      setSessionState(s);
      qc.clear();
      qc.setQueryData(sessionKey, s);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/session")),
    onSettled: () => {
      setSessionState(null);
      qc.clear();
      qc.setQueryData(sessionKey, null);
    },
  });
}
