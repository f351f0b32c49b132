/**
 * The offline layer of data entry (issue 14, "nothing typed is lost"): the outbox of values not
 * yet on the server, its status indicator, and what signing out wipes. See
 * docs/decisions/0015-offline-entry.md.
 */
export { invalidateEntrySheets } from "./browser.js";
export type { Outbox, PendingState, PendingValue, SyncReport, ValueWrite } from "./types.js";
export { cellKey } from "./types.js";
export { useOnline, useOutbox, useOutboxSnapshot } from "./use-outbox.js";
export { clearUserCaches, pendingCount, wipeOutbox } from "./wipe.js";
