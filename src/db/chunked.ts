/**
 * PGlite runs in this process: a long transaction would block the event loop. Long writes
 * process rows in chunks and yield between them so health checks and other requests answer.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
