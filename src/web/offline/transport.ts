/**
 * Sends one pending value with the app's API client (Accept-Language and the session's CSRF token
 * come with it; a 401 there also sends the user to sign in and back). Every failure to get an
 * answer — no connection, a request that hangs on a weak signal — is "network": the value waits.
 */
import { api } from "../api/client.js";
import type { Answer } from "./outcome.js";
import type { ValueWrite } from "./types.js";

/** A request unanswered this long is given up and tried again later (a 2G link can take a while). */
const TIMEOUT_MS = 30_000;

export async function sendWrite(write: ValueWrite): Promise<Answer> {
  try {
    const { data, error, response } = await api.PUT("/api/v1/observations", {
      body: write,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, body: response.ok ? data : error };
  } catch {
    return { status: "network" };
  }
}
