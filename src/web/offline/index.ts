/**
 * The offline layer of data entry (issue 14, "nothing typed is lost"): the outbox of values not
 * yet on the server, its status indicator, and what signing out wipes. See
 * docs/decisions/0015-offline-entry.md.
 */
export { invalidateEntrySheets, isEntrySheetKey } from "./browser.js";
export { SyncStatus } from "./SyncStatus.js";
export { useSignOutGuard } from "./sign-out-guard.js";
export type { Outbox, PendingState, PendingValue, SyncReport, ValueWrite } from "./types.js";
export { cellKey } from "./types.js";
export { useOnline, useOutbox, useOutboxSnapshot } from "./use-outbox.js";
export { clearUserCaches, pendingCount, wipeOutbox } from "./wipe.js";
