/**
 * The service worker's runtime caches that hold a user's data (the session, the entry sheets):
 * shared by the worker, which fills them, and the page, which empties them on sign-out.
 */
export const USER_DATA_CACHES = ["chinam-session", "chinam-entry"] as const;
export const SESSION_CACHE = "chinam-session";
export const ENTRY_CACHE = "chinam-entry";
