/** Access-matrix cases for the routes of src/server/auth. */
import { TEST_PASSWORD } from "../../helpers/auth.js";
import { ALL, type Cases, publicGet, SIGNED_IN, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const authCases = (_w: MatrixWorld): Cases => ({
  "POST /api/v1/session": {
    // From another address, so that the failed sign-ins do not throttle the personas' own.
    ...same({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "nobody", password: "wrong" },
      remoteAddress: "198.51.100.7",
    }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "GET /api/v1/session/probe": publicGet("/api/v1/session/probe"),
  "GET /api/v1/session": {
    ...same({ method: "GET", url: "/api/v1/session" }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "DELETE /api/v1/session": {
    ...same({ method: "DELETE", url: "/api/v1/session", fresh: true }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "DELETE /api/v1/me/sessions": {
    ...same({ method: "DELETE", url: "/api/v1/me/sessions", fresh: true }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "GET /api/v1/me/sessions": {
    ...same({ method: "GET", url: "/api/v1/me/sessions" }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "PUT /api/v1/me/password": {
    ...same({
      method: "PUT",
      url: "/api/v1/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      fresh: true,
    }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "POST /api/v1/me/totp": {
    ...same({ method: "POST", url: "/api/v1/me/totp" }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
  },
  "POST /api/v1/me/totp/confirm": {
    ...same({ method: "POST", url: "/api/v1/me/totp/confirm", payload: { code: "000000" } }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
    businessErrorsOk: true,
  },
  "DELETE /api/v1/me/totp": {
    ...same({ method: "DELETE", url: "/api/v1/me/totp", payload: { code: "000000" } }),
    allowOwn: SIGNED_IN,
    allowOther: SIGNED_IN,
    businessErrorsOk: true,
  },
  "GET /api/v1/session/oidc/start": {
    ...same({ method: "GET", url: "/api/v1/session/oidc/start" }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "GET /api/v1/session/oidc/callback": {
    ...same({ method: "GET", url: "/api/v1/session/oidc/callback?code=x&state=y" }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "POST /api/v1/setup": {
    ...same({
      method: "POST",
      url: "/api/v1/setup",
      payload: { token: "x".repeat(20), username: "x", displayName: "x", password: "x" },
    }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "POST /api/v1/password-reset": {
    ...same({
      method: "POST",
      url: "/api/v1/password-reset",
      payload: { token: "x".repeat(20), password: "x" },
    }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
});
