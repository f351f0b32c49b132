/**
 * Hooks for API tokens (administrators): the issued tokens (never their secrets), issuing one (the
 * answer carries the secret, once) and revoking one. Issuing and revoking refresh the list.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, BodyOf } from "./types.js";

export type TokenList = AnswerOf<"/api/v1/api-tokens">;
export type Token = TokenList["items"][number];
export type IssueBody = BodyOf<"/api/v1/api-tokens", "post">;

const tokensKey = ["admin-tokens"] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-tokens", { signal })),
    // "Last use" moves while the page is open (a machine uses the token): look again now and then.
    refetchInterval: 30_000,
  });
}

export function useIssueToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueBody) => unwrap(api.POST("/api/v1/api-tokens", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-tokens/{id}", { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
