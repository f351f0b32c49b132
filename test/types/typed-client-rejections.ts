/**
 * Wrong uses of the typed client, never called: `npm run typecheck` fails if the generated types
 * ever stop refusing one of them (an unneeded `@ts-expect-error` is itself an error), so a client
 * typed too loosely to catch a wrong path or field cannot pass CI.
 */
import type { ApiClient } from "../../src/contracts/client.js";

export function rejectedByTheTypeChecker(api: ApiClient) {
  return [
    // @ts-expect-error no such route in openapi.json
    api.GET("/api/v1/no-such-route"),
    // @ts-expect-error the path parameter is required
    api.GET("/api/v1/plans/{code}/overview"),
    // @ts-expect-error `basis` is "approved" or "reported"
    api.GET("/api/v1/plans/{code}/overview", { params: { path: { code: "NQ57" }, query: { basis: "x" } } }),
    // @ts-expect-error signing in needs a password
    api.POST("/api/v1/session", { body: { username: "demo-admin" } }),
    api.GET("/api/v1/session").then(({ data }) => {
      // @ts-expect-error the session has no such field
      return data?.user.noSuchField;
    }),
  ];
}
