/** This administration area's routes (pages/admin/routes.ts gathers them). */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { code, compact, oneOf, type Search } from "../../app/search.js";
import { unitTabs } from "./panel-tabs.js";
import { KIND_ORDER } from "./tree-model.js";

/** A search as typed (accents, spaces), bounded like the API's own `q`. */
const text = (v: unknown) => (typeof v === "string" && v.length <= 100 && v.trim() ? v : undefined);

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/org-units",
  validateSearch: (s: Search) =>
    compact({
      // The selected unit (its panel), the tab of its panel.
      unit: code(s.unit),
      tab: oneOf(unitTabs, s.tab),
      // The tree's search (code or name, accents optional), kind filter, and whether retired units show.
      q: text(s.q),
      kind: oneOf(KIND_ORDER, s.kind),
      retired: s.retired === true || s.retired === "1" || s.retired === 1 ? (1 as const) : undefined,
    }),
  component: lazyRouteComponent(() => import("./OrgUnitsAdminPage.js"), "OrgUnitsAdminPage"),
});

export const orgUnitAdminRoutes = [mainRoute] as const;
