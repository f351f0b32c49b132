import { expect } from "vitest";
import { AppError } from "../../src/server/core/errors.js";

/** Awaits a promise that must reject with an AppError, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
