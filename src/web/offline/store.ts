/**
 * Where pending values wait: one IndexedDB database ("chinam-offline"), one object store, keyed
 * [userId, cellKey] so each user's values are read and wiped by a key range and never mixed with
 * another's on a shared computer. idb-keyval holds the connection; the ranges use its raw store.
 */
import { createStore, type UseStore } from "idb-keyval";
import type { PendingValue } from "./types.js";

/** A pending value as stored: `seq` orders replay by the time each cell was last typed. */
export interface StoredValue extends PendingValue {
  seq: number;
}

export interface OutboxStore {
  /** The user's values, oldest typing first. */
  load(userId: string): Promise<StoredValue[]>;
  save(userId: string, value: StoredValue): Promise<void>;
  remove(userId: string, key: string): Promise<void>;
  /** Forget every value of the user. */
  wipe(userId: string): Promise<void>;
}

export const OUTBOX_DB = "chinam-offline";
const STORE = "outbox";

/** Every key [userId, …]: arrays sort after strings, so [userId, []] bounds the user's cell keys. */
const userRange = (userId: string) => IDBKeyRange.bound([userId], [userId, []]);

const done = (req: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if ("oncomplete" in req) {
      req.oncomplete = () => resolve();
      req.onabort = req.onerror = () => reject(req.error);
    } else {
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    }
  });

export function idbOutboxStore(): OutboxStore {
  // Opened on first use: a page that never queues anything never creates the database.
  let db: UseStore | undefined;
  const use: UseStore = (mode, fn) => {
    db ??= createStore(OUTBOX_DB, STORE);
    return db(mode, fn);
  };
  return {
    load: (userId) =>
      use("readonly", (s) => {
        const req = s.getAll(userRange(userId)) as IDBRequest<StoredValue[]>;
        return new Promise<StoredValue[]>((resolve, reject) => {
          req.onsuccess = () => resolve([...req.result].sort((a, b) => a.seq - b.seq));
          req.onerror = () => reject(req.error);
        });
      }),
    // Resolves when the transaction commits: the value is on disk before put() resolves.
    save: (userId, value) =>
      use("readwrite", (s) => {
        s.put(value, [userId, value.key]);
        return done(s.transaction);
      }),
    remove: (userId, key) =>
      use("readwrite", (s) => {
        s.delete([userId, key]);
        return done(s.transaction);
      }),
    wipe: (userId) =>
      use("readwrite", (s) => {
        s.delete(userRange(userId));
        return done(s.transaction);
      }),
  };
}
