/**
 * Registers the service worker (built apps only, not the dev server) when a page that works
 * offline is first used — the entry grid — and once the page has loaded and gone idle, so the
 * worker's install (which downloads the app shell) never competes with the page's own first
 * requests. Visitors who only read dashboards never install it.
 */

import { sessionKey } from "../api/session.js";
import { queryClient } from "../app/query-client.js";
import { isEntrySheetKey } from "./browser.js";

let asked = false;

/**
 * The session and the sheet were fetched before the new worker took control, so it has no copy
 * of them yet: fetch them again through it, so that an offline reload right after the first
 * visit already finds them.
 */
function refetchThroughWorker(): void {
  void queryClient.invalidateQueries({ queryKey: sessionKey });
  void queryClient.invalidateQueries({ predicate: (q) => isEntrySheetKey(q.queryKey) });
}

export function registerServiceWorker(): void {
  // Any `vite build` (mode "production"), whatever NODE_ENV says — the E2E harness builds under
  // vitest, where NODE_ENV is "test" and import.meta.env.PROD false; never the dev server.
  if (asked || import.meta.env.MODE !== "production") return;
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  asked = true;
  const sw = navigator.serviceWorker;
  const register = () => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
    idle(() => {
      if (!sw.controller) sw.addEventListener("controllerchange", refetchThroughWorker, { once: true });
      // updateViaCache "none": the browser asks the server for sw.js on every check, never its HTTP cache.
      sw.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
        // No worker (a private window, a policy): the app works as before, only not offline.
      });
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
