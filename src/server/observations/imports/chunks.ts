/** How an import is cut into work: rows checked per batch while reading, staged rows applied per chunk. */

/** Rows checked (and their references looked up) per batch while reading. */
export const CHECK_BATCH = 5000;
/** Staged rows applied per chunk. */
export const APPLY_CHUNK = 10_000;
/**
 * On the embedded database each chunk holds the event loop while it runs (PGlite is in-process):
 * 10,000 changed values took 2.5–6 s on a busy machine, with /healthz unanswered meanwhile.
 */
export const EMBEDDED_APPLY_CHUNK = 2_000;
