/** The one data cache: shared by the React tree and the route loaders that start fetches early. */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client.js";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});
