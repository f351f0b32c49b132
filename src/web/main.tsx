/** The web app's entry: language, data cache, theme, router. */
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./app/mantine.css";
import "./app/app.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { queryClient } from "./app/query-client.js";
import { router } from "./app/routes.js";
import { theme } from "./app/theme.js";
import { initI18n } from "./i18n/index.js";

initI18n();

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
