/**
 * The root of the route tree, apart from routes.tsx so that page areas with several routes (the
 * administration pages) declare theirs in their own folder.
 */
import { createRootRoute } from "@tanstack/react-router";
import { sessionQuery } from "../api/session.js";
import { NotFound } from "../components/NotFound.js";
import { queryClient } from "./query-client.js";
import { Shell } from "./Shell.js";

/**
 * Loaders start a page's first requests while its chunk is still downloading (not after it has
 * rendered), and do not wait for them: the page shows its frame at once and joins the requests
 * in flight. Nothing is fetched twice: the hooks use the same query options.
 */
export const rootRoute = createRootRoute({
  component: Shell,
  notFoundComponent: NotFound,
  // The one request the first render waits for (it runs alongside the page's chunk, which takes
  // longer): the header, the navigation and the page's own choices depend on who is signed in, and
  // drawing them twice would move the page under the reader.
  loader: () => queryClient.ensureQueryData(sessionQuery()).catch(() => null),
});
