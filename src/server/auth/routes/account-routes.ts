/** The signed-in user's own account (password, second factor), the first administrator, reset links. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { errorBody } from "../../core/http/common-schemas.js";
import { changeOwnPassword, resetPassword } from "../commands/password.js";
import { completeSetup } from "../commands/setup.js";
import { confirmTotp, disableTotp, startTotpEnrolment } from "../commands/totp.js";
import * as S from "../schema.js";
import { anonymousContext, tags } from "./cookies.js";

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;

  app.put(
    "/me/password",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "Change your password (other sessions end)",
        body: S.passwordChangeBody,
        response: { 204: z.null(), 401: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      await changeOwnPassword(db, p.userId, req.body, changeContext(req), p.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/totp",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary:
          "Start enrolling a TOTP second factor: returns the secret and an otpauth:// URI for the authenticator app",
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), 401: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      return startTotpEnrolment(db, config, p, changeContext(req));
    },
  );

  app.post(
    "/me/totp/confirm",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary: "Finish enrolling: the current code from the app turns the second factor on",
        body: S.totpCodeBody,
        response: { 204: z.null(), 401: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      await confirmTotp(db, config, p, req.body.code, changeContext(req));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/me/totp",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "Turn the second factor off (refused for administrators when it is required)",
        body: S.totpCodeBody,
        response: { 204: z.null(), 401: errorBody, 403: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      await disableTotp(db, config, p, req.body.code, changeContext(req));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/setup",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Create the first administrator with the one-time link printed at first start",
        body: S.setupBody,
        response: { 201: z.object({ username: z.string() }), 400: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      await completeSetup(db, req.body, anonymousContext(req));
      return reply.status(201).send({ username: req.body.username.trim().toLowerCase() });
    },
  );

  app.post(
    "/password-reset",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Set a new password with a one-time reset link",
        body: S.resetBody,
        response: { 204: z.null(), 400: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      await resetPassword(db, req.body, anonymousContext(req));
      return reply.status(204).send(null);
    },
  );
};
