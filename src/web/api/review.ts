/**
 * Hooks for the review queue: a page of the values a reviewer may act on (submitted ones to approve
 * or return, approved ones to revise), moving many at once, revising one, and a value's revisions.
 * Keys start with "review-": a move or a revision refreshes both lists, and the entry sheets that
 * show the values (another reviewer's page, the reporter's grid) through the live events.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, BodyOf, QueryOf } from "./types.js";

export type ReviewList = AnswerOf<"/api/v1/observations">;
export type ReviewRow = ReviewList["items"][number];
export type ReviewListQuery = QueryOf<"/api/v1/observations">;
export type MoveBody = BodyOf<"/api/v1/observations/transitions", "post">;
export type ReviseBody = BodyOf<"/api/v1/observations/{id}/revise", "post">;
export type Revisions = AnswerOf<"/api/v1/observations/{id}/revisions">;

/** Every query key of the page starts with one of these (the live layer and the moves refresh them). */
export const reviewKeys = ["review-list", "review-revisions"] as const;

export function useReviewList(query: ReviewListQuery) {
  return useQuery({
    queryKey: ["review-list", query],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/observations", { params: { query }, signal })),
    // Another page or filter keeps the rows shown until the new ones arrive (nothing jumps).
    placeholderData: keepPreviousData,
  });
}

function useRefreshAfter() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      ...reviewKeys.map((k) => qc.invalidateQueries({ queryKey: [k] })),
      qc.invalidateQueries({ queryKey: ["org-unit-entry"] }),
    ]);
}

/** Approve or return many values as one command: all or nothing (409 STALE_BATCH names the stale ones). */
export function useMoveValues() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: MoveBody) => unwrap(api.POST("/api/v1/observations/transitions", { body })),
    onSettled: refresh,
  });
}

/** A reviewer's revision of an approved value: the new official figure with its reason. */
export function useReviseValue() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviseBody }) =>
      unwrap(api.POST("/api/v1/observations/{id}/revise", { params: { path: { id } }, body })),
    onSettled: refresh,
  });
}

/** Every revision of a value the caller may read, oldest first. */
export function useRevisions(id: string | null) {
  return useQuery({
    queryKey: ["review-revisions", id],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/observations/{id}/revisions", { params: { path: { id: id ?? "" } }, signal })),
    enabled: id !== null,
  });
}
