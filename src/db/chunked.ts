/**
 * PGlite runs in this process: a long transaction would block the event loop. Long writes
 * process rows in chunks and yield between them so health checks and other requests answer.
 */
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves after the event loop has been through its timers and a poll for I/O. One
 * `setImmediate` is not enough: work started by a request runs on from an I/O callback (the poll
 * phase), and an immediate scheduled there runs in the same loop iteration's check phase, before
 * any timer or socket — so the next chunk followed the last one at once. The second immediate
 * runs in the next iteration, after its timers and poll.
 */
export async function yieldToEventLoop(): Promise<void> {
  await immediate();
  await immediate();
}
