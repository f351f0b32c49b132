/**
 * The route tree (code-based, TanStack Router). Pages load on demand (one chunk each) so the first
 * load carries only the shell and the page asked for. Each route reads its search parameters with
 * the readers in search.ts: filters and tabs are part of the link.
 */
import { createRoute, createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { overviewQuery } from "../api/dashboards.js";
import { planIndicatorsQuery, plansQuery } from "../api/plans.js";
import { adminRoutes } from "../pages/admin/routes.js";
import { queryClient } from "./query-client.js";
import { rootRoute } from "./root-route.js";
import { code, compact, DEFAULT_PLAN, int, nextPath, oneOf, period, type Search } from "./search.js";

export const basisValues = ["approved", "reported"] as const;

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: (s: Search) =>
    compact({
      plan: code(s.plan),
      basis: oneOf(basisValues, s.basis),
      map: code(s.map),
      target: code(s.target),
      system: code(s.system),
      level: oneOf(["province", "ministry"] as const, s.level),
    }),
  loaderDeps: ({ search }) => ({ plan: search.plan ?? DEFAULT_PLAN, basis: search.basis }),
  // The approved-basis overview is what everyone starts with; "reported" depends on the session.
  loader: async ({ deps }) => {
    void queryClient.prefetchQuery(planIndicatorsQuery(deps.plan, { tier: "objective" }));
    if (deps.basis !== "reported") void queryClient.prefetchQuery(overviewQuery(deps.plan));
    // The page draws once the plan's name is known: the server drew it above the fold
    // (decision 0017), and a held empty line in its place would move everything below it.
    await queryClient.ensureQueryData(plansQuery()).catch(() => undefined);
  },
  component: lazyRouteComponent(() => import("../pages/home/HomePage.js"), "HomePage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (s: Search) => compact({ next: nextPath(s.next) }),
  component: lazyRouteComponent(() => import("../pages/sign-in/SignInPage.js"), "SignInPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  validateSearch: (s: Search) => compact({ tab: oneOf(["password", "totp", "sessions"] as const, s.tab) }),
  component: lazyRouteComponent(() => import("../pages/account/AccountPage.js"), "AccountPage"),
});

const systemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/$plan/systems/$system",
  validateSearch: (s: Search) =>
    compact({
      basis: oneOf(basisValues, s.basis),
      tab: oneOf(["kpis", "initiatives", "targets"] as const, s.tab),
    }),
  component: lazyRouteComponent(() => import("../pages/system/SystemPage.js"), "SystemPage"),
});

const initiativeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/$plan/initiatives/$initiative",
  validateSearch: (s: Search) => compact({ basis: oneOf(basisValues, s.basis) }),
  component: lazyRouteComponent(() => import("../pages/initiative/InitiativePage.js"), "InitiativePage"),
});

const roadmapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/$plan/roadmap",
  validateSearch: (s: Search) => compact({ phase: code(s.phase) }),
  component: lazyRouteComponent(() => import("../pages/roadmap/RoadmapPage.js"), "RoadmapPage"),
});

const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/indicators/$code",
  validateSearch: (s: Search) =>
    compact({
      plan: code(s.plan),
      basis: oneOf(basisValues, s.basis),
      tab: oneOf(["series", "units", "disaggregations", "compare", "quality", "history"] as const, s.tab),
      period: period(s.period),
      level: oneOf(["province", "ministry"] as const, s.level),
      // The unit whose values by disaggregation are shown (default: the country).
      unit: code(s.unit),
      // Up to five unit codes to compare, comma-separated.
      units: typeof s.units === "string" && /^[\w.,-]{1,400}$/.test(s.units) ? s.units : undefined,
    }),
  component: lazyRouteComponent(() => import("../pages/indicator/IndicatorPage.js"), "IndicatorPage"),
});

const orgUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/org-units/$code",
  validateSearch: (s: Search) =>
    compact({
      plan: code(s.plan),
      tab: oneOf(["values", "completeness", "lineage"] as const, s.tab),
      kind: oneOf(["month", "quarter", "half_year", "year"] as const, s.kind),
    }),
  component: lazyRouteComponent(() => import("../pages/org-unit/OrgUnitPage.js"), "OrgUnitPage"),
});

const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/meeting",
  validateSearch: (s: Search) =>
    compact({ plan: code(s.plan), basis: oneOf(basisValues, s.basis), slide: int(s.slide, 0, 50) }),
  component: lazyRouteComponent(() => import("../pages/meeting/MeetingPage.js"), "MeetingPage"),
});

/** A reporting officer's grid: one unit, one plan, one period (issue 14). */
const entryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/entry",
  validateSearch: (s: Search) =>
    compact({ unit: code(s.unit), plan: code(s.plan), period: period(s.period) }),
  component: lazyRouteComponent(() => import("../pages/entry/EntryPage.js"), "EntryPage"),
});

/** The import wizard: template → upload → dry run → commit. */
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/import",
  validateSearch: (s: Search) =>
    compact({
      unit: code(s.unit),
      plan: code(s.plan),
      period: period(s.period),
      // An import under way or done (its idempotency key), so a reload finds its progress.
      key: typeof s.key === "string" && /^[\w-]{8,80}$/.test(s.key) ? s.key : undefined,
    }),
  component: lazyRouteComponent(() => import("../pages/import/ImportPage.js"), "ImportPage"),
});

/** The review queue: submitted values a reviewer may approve or return. */
const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/review",
  validateSearch: (s: Search) =>
    compact({
      plan: code(s.plan),
      unit: code(s.unit),
      indicator: code(s.indicator),
      period: period(s.period),
      // Submitted values to approve or return (default), or approved ones a reviewer may revise.
      tab: oneOf(["submitted", "approved"] as const, s.tab),
    }),
  component: lazyRouteComponent(() => import("../pages/review/ReviewPage.js"), "ReviewPage"),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  accountRoute,
  systemRoute,
  initiativeRoute,
  roadmapRoute,
  indicatorRoute,
  orgUnitRoute,
  meetingRoute,
  entryRoute,
  importRoute,
  reviewRoute,
  ...adminRoutes,
]);

export const router = createRouter({ routeTree, defaultPreload: "intent", scrollRestoration: true });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
