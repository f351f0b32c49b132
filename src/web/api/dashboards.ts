/** Hooks for the dashboard endpoints (src/server/dashboards, quality): one per endpoint. */
import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.js";
import type { AnswerOf, QueryOf } from "./types.js";

export type Overview = AnswerOf<"/api/v1/plans/{code}/overview">;
export type Alerts = AnswerOf<"/api/v1/plans/{code}/alerts">;
export type Series = AnswerOf<"/api/v1/indicators/{code}/series">;
export type Breakdown = AnswerOf<"/api/v1/indicators/{code}/breakdown">;
export type Disaggregations = AnswerOf<"/api/v1/indicators/{code}/disaggregations">;
export type Compare = AnswerOf<"/api/v1/indicators/{code}/compare">;
export type DataQuality = AnswerOf<"/api/v1/plans/{code}/data-quality">;

/** The plan at a glance; the server answers 304 to the browser's If-None-Match (ETag). */
export const overviewQuery = (plan: string, query: QueryOf<"/api/v1/plans/{code}/overview"> = {}) =>
  queryOptions({
    queryKey: ["overview", plan, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/overview", { params: { path: { code: plan }, query }, signal })),
    placeholderData: keepPreviousData,
  });

export function useOverview(plan: string, query: QueryOf<"/api/v1/plans/{code}/overview"> = {}) {
  return useQuery(overviewQuery(plan, query));
}

export function useAlerts(plan: string, query: QueryOf<"/api/v1/plans/{code}/alerts"> = {}, enabled = true) {
  return useQuery({
    queryKey: ["alerts", plan, query],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/plans/{code}/alerts", { params: { path: { code: plan }, query }, signal })),
    enabled,
  });
}

export function useSeries(indicator: string, query: QueryOf<"/api/v1/indicators/{code}/series"> = {}) {
  return useQuery({
    queryKey: ["series", indicator, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/indicators/{code}/series", { params: { path: { code: indicator }, query }, signal }),
      ),
  });
}

export function useBreakdown(
  indicator: string,
  query: QueryOf<"/api/v1/indicators/{code}/breakdown"> | null,
) {
  return useQuery({
    queryKey: ["breakdown", indicator, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/indicators/{code}/breakdown", {
          params: { path: { code: indicator }, query: query ?? { period: "" } },
          signal,
        }),
      ),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The indicator's value at one unit in one period by disaggregation category, beside the total. */
export function useDisaggregations(
  indicator: string,
  query: QueryOf<"/api/v1/indicators/{code}/disaggregations"> | null,
) {
  return useQuery({
    queryKey: ["disaggregations", indicator, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/indicators/{code}/disaggregations", {
          params: { path: { code: indicator }, query: query ?? { period: "" } },
          signal,
        }),
      ),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCompare(indicator: string, query: QueryOf<"/api/v1/indicators/{code}/compare"> | null) {
  return useQuery({
    queryKey: ["compare", indicator, query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/indicators/{code}/compare", {
          params: { path: { code: indicator }, query: query ?? { units: "" } },
          signal,
        }),
      ),
    enabled: query !== null && query.units.length > 0,
  });
}

/**
 * The counts of a period's data quality (always whole). Its lists are long at national scale
 * (every unit, every flagged value), so they come a page at a time from their own routes
 * (`useQualityFlagged`, `useQualityGaps`); this asks for the shortest first pages.
 */
export function useDataQuality(plan: string, period: string | null) {
  return useQuery({
    queryKey: ["data-quality", plan, period],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/data-quality", {
          params: { path: { code: plan }, query: { period: period ?? "", limit: 1 } },
          signal,
        }),
      ),
    enabled: period !== null,
  });
}

/** How many items a page of the data-quality lists holds in the web app. */
export const QUALITY_PAGE = 50;

/** The flagged values of a period for some indicators, a page at a time (keyset cursor). */
export function useQualityFlagged(plan: string, period: string | null, indicators: readonly string[]) {
  return useInfiniteQuery({
    queryKey: ["data-quality", plan, period, "flagged", indicators],
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/data-quality/flagged", {
          params: {
            path: { code: plan },
            query: {
              period: period ?? "",
              indicator: indicators.join(","),
              limit: QUALITY_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: period !== null && indicators.length > 0,
  });
}

/** The units missing values of a period for some indicators (the most missing first), a page at a time. */
export function useQualityGaps(plan: string, period: string | null, indicators: readonly string[]) {
  return useInfiniteQuery({
    queryKey: ["data-quality", plan, period, "units", indicators],
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/plans/{code}/data-quality/units", {
          params: {
            path: { code: plan },
            query: {
              period: period ?? "",
              indicator: indicators.join(","),
              gaps: "true",
              limit: QUALITY_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: period !== null && indicators.length > 0,
  });
}

export type Laggards = AnswerOf<"/api/v1/indicators/{code}/laggards">;

/** The units furthest short of the indicator's target (provinces or ministries), largest gap first. */
export function useLaggards(
  indicator: string | null,
  query: QueryOf<"/api/v1/indicators/{code}/laggards"> = {},
) {
  return useQuery({
    queryKey: ["laggards", indicator ?? "", query],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/indicators/{code}/laggards", {
          params: { path: { code: indicator ?? "" }, query },
          signal,
        }),
      ),
    enabled: indicator !== null,
  });
}
