/**
 * Registers the service worker (production builds only) when a page that works offline is first
 * used — the entry grid — and once the page has loaded and gone idle, so the worker's install
 * (which downloads the app shell) never competes with the page's own first requests. Visitors who
 * only read dashboards never install it.
 */
let asked = false;

export function registerServiceWorker(): void {
  if (asked || !import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator))
    return;
  asked = true;
  const register = () => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
    idle(() => {
      // updateViaCache "none": the browser asks the server for sw.js on every check, never its HTTP cache.
      navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
        // No worker (a private window, a policy): the app works as before, only not offline.
      });
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
