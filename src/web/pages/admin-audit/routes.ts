/** The audit trail page (pages/admin/routes.ts gathers it): filters and the open entry live in the URL. */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { code, compact, int, type Search } from "../../app/search.js";
import { day, text } from "./audit-model.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/audit",
  validateSearch: (s: Search) =>
    compact({
      entityType: code(s.entityType),
      entityId: text(s.entityId, 200),
      actor: text(s.actor, 200),
      from: day(s.from),
      to: day(s.to),
      /** The entry open in the detail dialog, by its number. */
      entry: int(s.entry, 1, Number.MAX_SAFE_INTEGER),
    }),
  component: lazyRouteComponent(() => import("./AuditPage.js"), "AuditPage"),
});

export const auditRoutes = [mainRoute] as const;
