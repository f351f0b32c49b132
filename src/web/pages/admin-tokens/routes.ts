/** The API tokens page (pages/admin/routes.ts gathers it): its filters live in the URL. */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { code, compact, oneOf, type Search } from "../../app/search.js";
import { TOKEN_STATUSES } from "./token-model.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/tokens",
  validateSearch: (s: Search) => compact({ status: oneOf(TOKEN_STATUSES, s.status), unit: code(s.unit) }),
  component: lazyRouteComponent(() => import("./TokensPage.js"), "TokensPage"),
});

export const tokenRoutes = [mainRoute] as const;
