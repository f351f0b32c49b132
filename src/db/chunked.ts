/**
 * PGlite runs in this process: a long transaction would block the event loop. Long writes
 * process rows in chunks and yield between them so health checks and other requests answer.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function forEachChunk<T>(
  items: readonly T[],
  size: number,
  fn: (chunk: readonly T[], offset: number) => Promise<void>,
): Promise<void> {
  for (let offset = 0; offset < items.length; offset += size) {
    await fn(items.slice(offset, offset + size), offset);
    await yieldToEventLoop();
  }
}
