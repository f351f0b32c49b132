/**
 * The API's error as an Error, apart from the client: pure modules and their tests use it without
 * pulling in the client (and with it i18next and Vite's import.meta.glob).
 */
/** The error every endpoint answers with ({ error: { code, message, details } }), as an Error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}
