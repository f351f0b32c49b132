/** Shorthands for the generated API types: a GET's query and its 200 answer, by path. */
import type { ApiPaths } from "../../contracts/client.js";

type Get<P extends keyof ApiPaths> = ApiPaths[P] extends { get: infer G } ? G : never;
export type QueryOf<P extends keyof ApiPaths> =
  Get<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type AnswerOf<P extends keyof ApiPaths> =
  Get<P> extends {
    responses: { 200: { content: { "application/json": infer A } } };
  }
    ? A
    : never;

/** A request body by path and method (the JSON one). */
export type BodyOf<P extends keyof ApiPaths, M extends "put" | "post" | "patch"> = ApiPaths[P] extends {
  [K in M]: { requestBody?: { content: { "application/json": infer B } } };
}
  ? B
  : never;
