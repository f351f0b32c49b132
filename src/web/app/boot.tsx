/** Starts the app: language, data cache, theme, router (loaded by main.tsx after the first paint). */
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../i18n/index.js";
import { queryClient } from "./query-client.js";
import { router } from "./routes.js";
import { theme } from "./theme.js";

initI18n();

// The route's matches are resolved (session, the page's first queries) before React mounts: the
// router's state is read through useSyncExternalStore, and its settling after the mount re-drew
// the whole app in one uninterruptible task. The page the server drew stays up meanwhile. Not when
// offline, and not for long: there a request the service worker lets through can hang, and the
// app must still open (the router then settles after the mount, as before).
const SETTLE_WAIT_MS = 5000;
if (navigator.onLine)
  await Promise.race([
    router.load().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS)),
  ]);

const root = document.getElementById("root");
// Rendered as a transition: React then yields to the browser every few milliseconds instead of
// holding the main thread for the whole first render (a phone's CPU feels this most).
if (root)
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
