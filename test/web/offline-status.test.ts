/** The sync indicator's message: the most urgent state wins, counts are of the right values. */
import { describe, expect, it } from "vitest";
import { syncStatus } from "../../src/web/offline/sync-status.js";
import type { PendingState, PendingValue } from "../../src/web/offline/types.js";

const pending = (...states: PendingState[]): ReadonlyMap<string, PendingValue> =>
  new Map(
    states.map((state, i) => [
      `k${i}`,
      {
        key: `k${i}`,
        state,
        typedAt: "",
        write: { unit: "U", indicator: `K${i}`, period: "2026-05", value: i },
      },
    ]),
  );

describe("the sync indicator", () => {
  it("says offline with how many values are not synced, whatever their state", () => {
    expect(
      syncStatus({ pending: pending("queued", "queued", "invalid"), online: false, syncing: false }),
    ).toEqual({
      key: "offlinePending",
      count: 3,
      tone: "offline",
    });
    expect(syncStatus({ pending: pending(), online: false, syncing: false }).key).toBe("offline");
  });

  it("puts an expired session with waiting values first, even offline", () => {
    expect(
      syncStatus({ pending: pending("queued", "conflict"), online: false, syncing: false, signedOut: true }),
    ).toEqual({ key: "signedOut", count: 1, tone: "warn" });
  });

  it("says syncing, then what needs attention, then what still waits, then when it last synced", () => {
    const at = "2026-12-07T03:42:00.000Z";
    const base = { online: true, lastSyncedAt: at };
    expect(syncStatus({ ...base, pending: pending("queued"), syncing: true }).key).toBe("syncing");
    expect(
      syncStatus({ ...base, pending: pending("queued", "conflict", "refused"), syncing: false }),
    ).toEqual({
      key: "attention",
      count: 2,
      tone: "warn",
    });
    expect(syncStatus({ ...base, pending: pending("queued", "queued"), syncing: false })).toEqual({
      key: "pending",
      count: 2,
      tone: "warn",
    });
    expect(syncStatus({ ...base, pending: pending(), syncing: false })).toEqual({
      key: "syncedAt",
      at,
      tone: "ok",
    });
    expect(syncStatus({ online: true, pending: pending(), syncing: false, lastSyncedAt: null }).key).toBe(
      "synced",
    );
  });
});
