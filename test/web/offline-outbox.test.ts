/**
 * The outbox's queue: values survive a new instance (IndexedDB through fake-indexeddb), one per
 * cell, replayed in the order typed; each server answer puts a value in its state; a 401 stops
 * and keeps everything; a value is never sent twice at once.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { OutboxEngine, type Send } from "../../src/web/offline/engine.js";
import type { Answer } from "../../src/web/offline/outcome.js";
import { idbOutboxStore } from "../../src/web/offline/store.js";
import { cellKey, type ValueWrite } from "../../src/web/offline/types.js";

let users = 0;
/** A fresh user id per test: they share one fake IndexedDB. */
const newUser = () => `user-${++users}`;

const write = (indicator: string, value: number, expectedVersion?: number): ValueWrite => ({
  unit: "HA-NOI",
  indicator,
  period: "2026-05",
  value,
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});

/** A server that records what it was sent and answers from a script (default 200). */
function server(answer: (w: ValueWrite, n: number) => Answer | Promise<Answer> = () => ok(1)) {
  const sent: ValueWrite[] = [];
  const send: Send = async (w) => {
    sent.push(w);
    return answer(w, sent.length);
  };
  return { sent, send };
}
const ok = (version: number): Answer => ({ status: 200, body: { version } });
const err = (status: number, code: string, message = code, details?: unknown[]): Answer => ({
  status,
  body: { error: { code, message, ...(details ? { details } : {}) } },
});

function engine(userId: string, send: Send = server().send) {
  return new OutboxEngine(userId, { store: idbOutboxStore(), send });
}

describe("the outbox queue", () => {
  it("keeps typed values for a new instance (a reload), in the order typed", async () => {
    const user = newUser();
    const a = engine(user);
    await a.put(write("K_B", 2));
    await a.put(write("K_A", 1));
    await a.put(write("K_C", 3));
    const b = engine(user);
    await b.ready;
    expect([...b.snapshot().pending.values()].map((v) => v.write.indicator)).toEqual(["K_B", "K_A", "K_C"]);
    expect([...b.snapshot().pending.values()].every((v) => v.state === "queued")).toBe(true);
    // Another user on the same computer sees none of it.
    const other = engine(newUser());
    await other.ready;
    expect(other.snapshot().pending.size).toBe(0);
  });

  it("holds one value per cell: typing again replaces it and moves it to the end", async () => {
    const user = newUser();
    const a = engine(user);
    await a.put(write("K_A", 1));
    await a.put(write("K_B", 2));
    await a.put(write("K_A", 5));
    const b = engine(user);
    await b.ready;
    const values = [...b.snapshot().pending.values()];
    expect(values.map((v) => [v.write.indicator, v.write.value])).toEqual([
      ["K_B", 2],
      ["K_A", 5],
    ]);
    expect(values[1]?.key).toBe(cellKey(write("K_A", 0)));
  });

  it("keeps disaggregated cells apart, whatever the order of their keys", () => {
    const one = cellKey({ ...write("K", 1), disaggregation: { sex: "f", age: "15-24" } });
    const same = cellKey({ ...write("K", 1), disaggregation: { age: "15-24", sex: "f" } });
    const total = cellKey(write("K", 1));
    expect(one).toBe(same);
    expect(one).not.toBe(total);
  });

  it("sends in the order typed and empties the queue, in memory and in the store", async () => {
    const user = newUser();
    const srv = server();
    const a = engine(user, srv.send);
    await a.put(write("K_B", 2, 3));
    await a.put(write("K_A", 1, 0));
    expect(await a.sync()).toEqual({ sent: 2, failed: 0, signedOut: false });
    expect(srv.sent.map((w) => [w.indicator, w.expectedVersion])).toEqual([
      ["K_B", 3],
      ["K_A", 0],
    ]);
    expect(a.snapshot().pending.size).toBe(0);
    expect(a.snapshot().lastSyncedAt).not.toBeNull();
    const b = engine(user);
    await b.ready;
    expect(b.snapshot().pending.size).toBe(0);
  });

  it("puts each refusal in its state with the server's code, message and field", async () => {
    const user = newUser();
    const answers: Record<string, Answer> = {
      K_INVALID: err(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ", [
        { path: "value", message: "giá trị phải từ 0 đến 100" },
      ]),
      K_UNPROCESSABLE: err(422, "VALUE_OUT_OF_RANGE", "Giá trị ngoài khoảng cho phép"),
      K_STALE: err(409, "STALE_VERSION", "Số liệu đã được người khác sửa", [
        {
          path: "expectedVersion",
          message: "…",
          value: { version: 4, value: 77, status: "draft", updatedBy: "u9" },
        },
      ]),
      K_LOCKED: err(409, "VALUE_LOCKED", "Số liệu đã được duyệt"),
      K_FORBIDDEN: err(403, "NOT_CELL_REPORTER", "Ô số liệu này do đơn vị khác báo cáo"),
    };
    const srv = server((w) => answers[w.indicator] ?? ok(1));
    const a = engine(user, srv.send);
    for (const k of Object.keys(answers)) await a.put(write(k, 50, 3));
    expect(await a.sync()).toEqual({ sent: 0, failed: 5, signedOut: false });
    const b = engine(user);
    await b.ready;
    const by = (k: string) => b.snapshot().pending.get(cellKey(write(k, 0)));
    expect(by("K_INVALID")).toMatchObject({
      state: "invalid",
      error: { code: "VALIDATION_FAILED", message: "giá trị phải từ 0 đến 100", field: "value" },
    });
    expect(by("K_UNPROCESSABLE")).toMatchObject({ state: "invalid", error: { code: "VALUE_OUT_OF_RANGE" } });
    expect(by("K_STALE")).toMatchObject({
      state: "conflict",
      error: { code: "STALE_VERSION" },
      server: { value: 77, version: 4, updatedBy: "u9" },
    });
    expect(by("K_LOCKED")).toMatchObject({ state: "refused", error: { code: "VALUE_LOCKED" } });
    expect(by("K_FORBIDDEN")).toMatchObject({ state: "refused", error: { code: "NOT_CELL_REPORTER" } });
    // A refused value is not sent again by the next sync; typing the cell again queues it.
    srv.sent.length = 0;
    await b.sync();
    expect(srv.sent).toEqual([]);
  });

  it("takes a stale-version answer that already holds our value as sent (a lost answer)", async () => {
    const user = newUser();
    const srv = server(() =>
      err(409, "STALE_VERSION", "stale", [
        { path: "expectedVersion", message: "…", value: { version: 5, value: 42 } },
      ]),
    );
    const a = engine(user, srv.send);
    await a.put(write("K_A", 42, 4));
    expect(await a.sync()).toEqual({ sent: 1, failed: 0, signedOut: false });
    expect(a.snapshot().pending.size).toBe(0);
  });

  it("stops at a 401 and keeps the whole queue for after signing in", async () => {
    const user = newUser();
    const srv = server(() => err(401, "UNAUTHENTICATED"));
    const a = engine(user, srv.send);
    await a.put(write("K_A", 1));
    await a.put(write("K_B", 2));
    expect(await a.sync()).toEqual({ sent: 0, failed: 0, signedOut: true });
    expect(srv.sent).toHaveLength(1); // stopped at the first
    expect(a.snapshot().signedOut).toBe(true);
    const b = engine(user, server().send);
    await b.ready;
    expect([...b.snapshot().pending.values()].map((v) => v.state)).toEqual(["queued", "queued"]);
    expect(await b.sync()).toEqual({ sent: 2, failed: 0, signedOut: false });
  });

  it("keeps values queued when there is no connection or the server fails, and stops trying", async () => {
    const user = newUser();
    for (const answer of [
      { status: "network" } as const,
      err(503, "UNAVAILABLE"),
      err(429, "RATE_LIMITED"),
    ]) {
      const srv = server(() => answer);
      const a = engine(user, srv.send);
      await a.put(write("K_A", 1));
      await a.put(write("K_B", 2));
      expect(await a.sync()).toEqual({ sent: 0, failed: 0, signedOut: false });
      expect(srv.sent).toHaveLength(1);
      expect(a.lastStopped).toBe(true);
      expect([...a.snapshot().pending.values()].map((v) => v.state)).toEqual(["queued", "queued"]);
    }
  });

  it("never sends a value twice at once, in one tab or across two instances", async () => {
    const user = newUser();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const srv = server(async (_w, n) => {
      if (n === 1) await gate;
      return ok(1);
    });
    // Two instances (two tabs) over the same store, sharing one lock as Web Locks would.
    const lock = (() => {
      let tail: Promise<unknown> = Promise.resolve();
      return <T>(_name: string, fn: () => Promise<T>) => {
        const run = tail.then(fn, fn);
        tail = run.catch(() => undefined);
        return run;
      };
    })();
    const a = new OutboxEngine(user, { store: idbOutboxStore(), send: srv.send, withLock: lock });
    const b = new OutboxEngine(user, { store: idbOutboxStore(), send: srv.send, withLock: lock });
    await a.put(write("K_A", 1));
    await b.ready;
    await b.reload();
    const runs = [a.sync(), a.sync(), b.sync()];
    await new Promise((r) => setTimeout(r, 20));
    expect(srv.sent).toHaveLength(1);
    release();
    await Promise.all(runs);
    expect(srv.sent).toHaveLength(1);
    expect(a.snapshot().pending.size).toBe(0);
    expect(b.snapshot().pending.size).toBe(0);
  });

  it("a value typed while the cell's previous value is on its way follows it with the new version", async () => {
    const user = newUser();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const srv = server(async (_w, n) => {
      if (n === 1) await gate;
      return ok(n === 1 ? 4 : 5);
    });
    const a = engine(user, srv.send);
    await a.put(write("K_A", 1, 3));
    const run = a.sync();
    await new Promise((r) => setTimeout(r, 10));
    await a.put(write("K_A", 2, 3)); // typed against the version the grid last showed
    a.sync(); // asks for another round
    release();
    await run;
    await a.sync();
    expect(srv.sent.map((w) => [w.value, w.expectedVersion])).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(a.snapshot().pending.size).toBe(0);
  });

  it("discards a cell's value and clears everything on demand", async () => {
    const user = newUser();
    const store = idbOutboxStore();
    const a = new OutboxEngine(user, { store, send: server().send });
    await a.put(write("K_A", 1));
    await a.put(write("K_B", 2));
    await a.discard(cellKey(write("K_A", 0)));
    expect([...(await store.load(user))].map((v) => v.write.indicator)).toEqual(["K_B"]);
    await store.wipe(user);
    a.clear();
    expect(await store.load(user)).toEqual([]);
    expect(a.snapshot().pending.size).toBe(0);
  });
});

describe("the outbox snapshot", () => {
  it("keeps the object of a value that did not change, and replaces the one that did", async () => {
    const a = engine(newUser());
    await a.put(write("K_A", 1));
    await a.put(write("K_B", 2));
    const before = a.snapshot().pending;
    await a.put(write("K_B", 3));
    const after = a.snapshot().pending;
    expect(after).not.toBe(before);
    const keyA = cellKey(write("K_A", 0));
    const keyB = cellKey(write("K_B", 0));
    expect(after.get(keyA)).toBe(before.get(keyA));
    expect(after.get(keyB)).not.toBe(before.get(keyB));
    expect(after.get(keyB)?.write.value).toBe(3);
  });
});
