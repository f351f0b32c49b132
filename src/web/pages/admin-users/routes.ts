/** People and roles (issue 15, item 1): the accounts, and one account with its tabs; filters and tab in the URL. */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { compact, type Search } from "../../app/search.js";
import { listSearch, userSearch } from "./users-model.js";

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/users",
  validateSearch: (s: Search) => compact(listSearch(s)),
  component: lazyRouteComponent(() => import("./UsersPage.js"), "UsersPage"),
});

const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/users/$id",
  validateSearch: (s: Search) => compact(userSearch(s)),
  component: lazyRouteComponent(() => import("./UserPage.js"), "UserPage"),
});

export const userRoutes = [listRoute, userRoute] as const;
