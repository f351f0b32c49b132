/**
 * Account administration's types alone, apart from its hooks: the pages' pure models and their
 * tests import these without pulling in the client.
 */
import type { ApiPaths } from "../../contracts/client.js";
import type { AnswerOf, BodyOf, QueryOf } from "./types.js";

export type UserList = AnswerOf<"/api/v1/users">;
export type UserRow = UserList["items"][number];
export type UserListQuery = QueryOf<"/api/v1/users">;
export type UserDetail = AnswerOf<"/api/v1/users/{id}">;
export type Grantable = UserDetail["grantable"][number];
export type GrantScope = UserDetail["scopes"][number];
export type Grant = UserDetail["roles"][number];
export type Role = Grant["role"];
export type NewUser = BodyOf<"/api/v1/users", "post">;
export type UserPatch = BodyOf<"/api/v1/users/{id}", "patch">;
export type GrantBody = BodyOf<"/api/v1/users/{id}/roles", "post">;
export type PasswordLink =
  ApiPaths["/api/v1/users/{id}/password-reset"]["post"]["responses"]["201"]["content"]["application/json"];
export type UserSessions = AnswerOf<"/api/v1/users/{id}/sessions">;
