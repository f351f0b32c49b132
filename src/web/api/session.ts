/** The signed-in user (GET /session), signing in and out, the instance's sign-in options. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiPaths } from "../../contracts/client.js";
import { ApiError, api, setSessionState, unwrap } from "./client.js";

export type Session = ApiPaths["/api/v1/session"]["get"]["responses"]["200"]["content"]["application/json"];
export type Instance = ApiPaths["/api/v1/instance"]["get"]["responses"]["200"]["content"]["application/json"];
export type SignInBody = NonNullable<
  ApiPaths["/api/v1/session"]["post"]["requestBody"]
>["content"]["application/json"];

export const sessionKey = ["session"] as const;

/** null when nobody is signed in (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const s = await unwrap(api.GET("/api/v1/session"));
        setSessionState(s);
        return s;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setSessionState(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
  });
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
