/**
 * A unit's profile and its focal persons: the first unit-owned resource. Read by those working on
 * the plan and by the unit's own roles; changed only by the unit's approver (or an administrator).
 * Another unit's focal person is answered with 404, never 403, so ids cannot be probed.
 */
import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { unitProfileCan as unitProfileCanSchema } from "../../contracts/can.js";
import { focalPersons, unitProfiles } from "../../db/schema/index.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { allows, authorize, unitProfileCan } from "../access/index.js";
import { audit } from "../core/audit-writer.js";
import { changeContext } from "../core/change-context.js";
import { AppError, notFound } from "../core/errors.js";
import { codeParam, errorResponses } from "../core/http/common-schemas.js";
import { getOrgUnitByCode } from "../org-units/index.js";

const tags = ["unit-profiles"];
const readers = { signedIn: true as const };
const editors = { signedIn: true as const, roles: ["system_admin" as const, "unit_approver" as const] };

const text = (max: number) => z.string().trim().max(max);

const profileBody = z.strictObject({
  address: text(500).nullable().optional(),
  phone: text(50).nullable().optional(),
  email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
  website: z.url().max(TEXT_LIMITS.url).nullable().optional(),
  description: text(4000).nullable().optional(),
});
const profile = z.object({
  unit: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  updatedAt: z.string().nullable(),
  focalPersons: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      responsibility: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
});
/** The profile as read by itself: with what the caller may do with it. */
const profileRead = profile.extend({ can: unitProfileCanSchema });

const focalBody = z.strictObject({
  fullName: text(200).min(1),
  position: text(200).nullable().optional(),
  email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
  phone: text(50).nullable().optional(),
  responsibility: text(1000).nullable().optional(),
  isPrimary: z.boolean().optional(),
});

type FocalRow = typeof focalPersons.$inferSelect;
const presentFocal = (f: FocalRow) => ({
  id: f.id,
  fullName: f.fullName,
  position: f.position,
  email: f.email,
  phone: f.phone,
  responsibility: f.responsibility,
  isPrimary: f.isPrimary,
});

export const unitProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  const load = async (unitId: string, code: string) => {
    const [p] = await db().select().from(unitProfiles).where(eq(unitProfiles.unitId, unitId));
    const people = await db()
      .select()
      .from(focalPersons)
      .where(eq(focalPersons.unitId, unitId))
      .orderBy(asc(focalPersons.createdAt));
    return {
      unit: code,
      address: p?.address ?? null,
      phone: p?.phone ?? null,
      email: p?.email ?? null,
      website: p?.website ?? null,
      description: p?.description ?? null,
      updatedAt: p?.updatedAt.toISOString() ?? null,
      focalPersons: people.map(presentFocal),
    };
  };

  /** The focal person, if the caller may act on its unit; otherwise it does not exist for them. */
  const focalFor = async (id: string, check: (unitId: string) => boolean) => {
    const [f] = await db().select().from(focalPersons).where(eq(focalPersons.id, id));
    if (!f || !check(f.unitId)) throw notFound("focal_person", id);
    return f;
  };

  app.get(
    "/org-units/:code/profile",
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "A unit's profile and focal persons",
        params: z.object({ code: codeParam }),
        response: { 200: profileRead, ...errorResponses },
      },
    },
    async (req) => {
      const unit = await getOrgUnitByCode(db(), req.params.code);
      authorize(req.principal, "unitProfile.read", { unitId: unit.id });
      return { ...(await load(unit.id, unit.code)), can: unitProfileCan(req.principal, unit.id) };
    },
  );

  app.put(
    "/org-units/:code/profile",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Change a unit's profile (the unit's approver)",
        params: z.object({ code: codeParam }),
        body: profileBody,
        response: { 200: profile, ...errorResponses },
      },
    },
    async (req) => {
      const unit = await getOrgUnitByCode(db(), req.params.code);
      authorize(req.principal, "unitProfile.edit", { unitId: unit.id });
      const ctx = changeContext(req);
      await db().transaction(async (tx) => {
        const [before] = await tx.select().from(unitProfiles).where(eq(unitProfiles.unitId, unit.id));
        const values = { ...req.body, updatedBy: ctx.actorUserId ?? null, updatedAt: new Date() };
        await tx
          .insert(unitProfiles)
          .values({ unitId: unit.id, ...values })
          .onConflictDoUpdate({ target: unitProfiles.unitId, set: values });
        await audit(tx, ctx, {
          action: "unit_profile.update",
          entityType: "org_unit",
          entityId: unit.code,
          before: before ?? null,
          after: req.body,
        });
      });
      return load(unit.id, unit.code);
    },
  );

  app.post(
    "/org-units/:code/focal-persons",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Add a focal person to a unit (the unit's approver)",
        params: z.object({ code: codeParam }),
        body: focalBody,
        response: { 201: profile.shape.focalPersons.element, ...errorResponses },
      },
    },
    async (req, reply) => {
      const unit = await getOrgUnitByCode(db(), req.params.code);
      authorize(req.principal, "unitProfile.edit", { unitId: unit.id });
      const ctx = changeContext(req);
      const row = await db().transaction(async (tx) => {
        if (req.body.isPrimary)
          await tx.update(focalPersons).set({ isPrimary: false }).where(eq(focalPersons.unitId, unit.id));
        const [r] = await tx
          .insert(focalPersons)
          .values({ unitId: unit.id, ...req.body, isPrimary: req.body.isPrimary ?? false })
          .returning();
        if (!r) throw new AppError("INTERNAL");
        await audit(tx, ctx, {
          action: "focal_person.create",
          entityType: "focal_person",
          entityId: r.id,
          after: { unit: unit.code, ...req.body },
        });
        return r;
      });
      return reply.status(201).send(presentFocal(row));
    },
  );

  app.patch(
    "/focal-persons/:id",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Change a focal person (the unit's approver)",
        params: z.object({ id: z.uuid() }),
        body: focalBody.partial(),
        response: { 200: profile.shape.focalPersons.element, ...errorResponses },
      },
    },
    async (req) => {
      const f = await focalFor(req.params.id, (unitId) =>
        allows(req.principal, "unitProfile.edit", { unitId }),
      );
      const ctx = changeContext(req);
      const row = await db().transaction(async (tx) => {
        if (req.body.isPrimary)
          await tx.update(focalPersons).set({ isPrimary: false }).where(eq(focalPersons.unitId, f.unitId));
        const [r] = await tx
          .update(focalPersons)
          .set({ ...req.body, updatedAt: new Date() })
          .where(and(eq(focalPersons.id, f.id), eq(focalPersons.unitId, f.unitId)))
          .returning();
        if (!r) throw new AppError("INTERNAL");
        await audit(tx, ctx, {
          action: "focal_person.update",
          entityType: "focal_person",
          entityId: f.id,
          before: presentFocal(f),
          after: req.body,
        });
        return r;
      });
      return presentFocal(row);
    },
  );

  app.delete(
    "/focal-persons/:id",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Remove a focal person (the unit's approver)",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await focalFor(req.params.id, (unitId) =>
        allows(req.principal, "unitProfile.edit", { unitId }),
      );
      const ctx = changeContext(req);
      await db().transaction(async (tx) => {
        await tx.delete(focalPersons).where(eq(focalPersons.id, f.id));
        await audit(tx, ctx, {
          action: "focal_person.delete",
          entityType: "focal_person",
          entityId: f.id,
          before: presentFocal(f),
        });
      });
      return reply.status(204).send(null);
    },
  );
};
