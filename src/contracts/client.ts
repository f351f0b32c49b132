/**
 * The typed API client the web app (and any TypeScript caller) uses: openapi-fetch over the types
 * generated from openapi.json, so a wrong path, parameter or field fails the type check. It adds
 * what every caller of this API needs: the session cookie or a bearer token, and the CSRF header
 * that a cookie session must send on state-changing requests.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api.js";

export type { paths as ApiPaths } from "./api.js";
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /**
   * For a browser session: "same-origin" (the default) or "include" when the web app is served
   * from another origin. The browser keeps the httpOnly session cookie; this code never sees it.
   */
  credentials?: RequestCredentials;
  /**
   * The `csrfToken` that signing in (or `GET /api/v1/session`) returned, sent as x-csrf-token on
   * every state-changing request; a function is asked each time, so a new sign-in takes effect.
   */
  csrfToken?: string | (() => string | undefined);
  /** An API token, sent as `Authorization: Bearer …`: for integrations, not for browsers. */
  bearerToken?: string;
  /** Headers for every request: Accept-Language, or a Cookie header outside a browser. */
  headers?: Record<string, string>;
  /** Another fetch (tests, a server-side renderer). */
  fetch?: (request: Request) => Promise<Response>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function createApiClient(baseUrl: string, opts: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    credentials: opts.credentials ?? "same-origin",
    headers: {
      ...opts.headers,
      ...(opts.bearerToken ? { authorization: `Bearer ${opts.bearerToken}` } : {}),
    },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const { csrfToken } = opts;
  if (csrfToken !== undefined)
    client.use({
      onRequest({ request }) {
        if (SAFE_METHODS.has(request.method)) return undefined;
        const token = typeof csrfToken === "function" ? csrfToken() : csrfToken;
        if (token) request.headers.set("x-csrf-token", token);
        return request;
      },
    });
  return client;
}
