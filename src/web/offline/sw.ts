/**
 * The service worker (built by vite-plugin-pwa, injectManifest, into dist/web/sw.js): a reload
 * with no connection still opens the app, and the entry grid with its last data.
 *
 * - The app shell (scripts, styles, fonts, the page) is precached at install, listed by the build.
 * - A navigation goes to the network first (a deploy is seen at once); offline, the precached
 *   page answers, and the app's router draws whichever route was asked for.
 * - The session and the entry sheets are cached network-first, so offline the app still knows who
 *   is signed in and shows the sheet as last seen. Signing in or out empties those caches (also
 *   done by the page on sign-out, which works offline), so one user never sees another's.
 * - Writes are not touched: the outbox (IndexedDB) keeps what was typed until the server has it.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { ENTRY_CACHE, SESSION_CACHE, USER_DATA_CACHES } from "./cache-names.js";

/** What this file uses of the worker's scope (the DOM library the web app compiles with has none of it). */
interface WorkerScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: "install" | "activate",
    listener: (e: { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
declare const self: WorkerScope;

/** The precached page every offline navigation falls back to (the build lists index.html as "/"). */
const SHELL = "/";

async function clearUserData(): Promise<void> {
  await Promise.all(USER_DATA_CACHES.map((name) => caches.delete(name)));
}

// A new worker takes over at once: the shell it precached is complete and consistent by itself,
// and the pages' own chunks stay in the old cache until cleanupOutdatedCaches runs.
self.addEventListener("install", (e) => e.waitUntil(self.skipWaiting()));
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));

// First, so that the precache's own route does not answer navigations from the cache.
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch (err) {
        const shell = await matchPrecache(SHELL);
        if (shell) return shell;
        throw err;
      }
    },
    // Pages the server draws itself (API docs, first setup, password reset) are never the app.
    { denylist: [/^\/api\//, /^\/setup/, /^\/reset-password/] },
  ),
);

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  ({ url }) => url.pathname === "/api/v1/session/probe",
  new NetworkFirst({ cacheName: SESSION_CACHE, networkTimeoutSeconds: 5 }),
);

registerRoute(
  ({ url }) => /^\/api\/v1\/org-units\/[^/]+\/entry$/.test(url.pathname),
  new NetworkFirst({ cacheName: ENTRY_CACHE, networkTimeoutSeconds: 8 }),
);

// Signing in or out (POST or DELETE /session): whoever comes next starts with no cached data.
for (const method of ["POST", "DELETE"] as const)
  registerRoute(
    ({ url }) => url.pathname === "/api/v1/session",
    async ({ request }) => {
      const answer = await fetch(request);
      if (answer.ok) await clearUserData();
      return answer;
    },
    method,
  );
