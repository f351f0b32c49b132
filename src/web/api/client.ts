/**
 * The one API client of the web app: the typed client from src/contracts (paths and answers from
 * the committed openapi.json), with the page's language as Accept-Language, the session's CSRF
 * token on writes, and a hook for an expired session (the app sends the user to sign in and back).
 */
import { type ApiClient, createApiClient } from "../../contracts/client.js";
import { currentLanguage } from "../i18n/index.js";
import { ApiError } from "./api-error.js";

export { ApiError };

let csrf: string | undefined;
let onExpired: (() => void) | undefined;
/** Whether the page believes someone is signed in: a 401 then means the session expired. */
let signedIn = false;

export function setSessionState(state: { csrfToken: string } | null): void {
  csrf = state?.csrfToken;
  signedIn = state !== null;
}

export function onSessionExpired(handler: () => void): void {
  onExpired = handler;
}

export const api: ApiClient = createApiClient(globalThis.location?.origin ?? "", {
  csrfToken: () => csrf,
});

api.use({
  onRequest({ request }) {
    request.headers.set("accept-language", currentLanguage());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && signedIn && !new URL(request.url).pathname.endsWith("/api/v1/session")) {
      // A wrong current password or TOTP code on the account page is also a 401, from a live session.
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: string } } | null;
      if (body?.error?.code !== "INVALID_CREDENTIALS") {
        signedIn = false;
        onExpired?.();
      }
    }
    return response;
  },
});

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError carrying the server's code and (localized) message. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: string; message?: string; details?: unknown[] } };
  throw new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.error?.details ?? [],
  );
}
