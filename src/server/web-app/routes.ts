/**
 * Serves the web app: hashed assets with year-long caching, and index.html (never cached without
 * revalidation) for / and every client-side route, so a deep link works on reload. API paths
 * never fall through to the app: an unknown /api/ path stays a JSON 404.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam } from "../../contracts/common.js";
import type { Executor } from "../../db/client.js";
import { planByCode } from "../plans/index.js";
import { requestPage, type WebBuild, type WebFile } from "./assets.js";
import { firstScreenLang, homeHeaderHtml, withFirstScreen } from "./first-screen.js";

function send(req: FastifyRequest, reply: FastifyReply, file: WebFile, vary = "accept-encoding") {
  reply.header("etag", file.etag);
  reply.header("vary", vary);
  reply.header("cache-control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.headers["if-none-match"] === file.etag) return reply.status(304).send();
  const accepts = String(req.headers["accept-encoding"] ?? "");
  reply.type(file.type);
  if (file.br && /\bbr\b/.test(accepts)) return reply.header("content-encoding", "br").send(file.br);
  if (file.gzip && /\bgzip\b/.test(accepts)) return reply.header("content-encoding", "gzip").send(file.gzip);
  return reply.send(file.body);
}

/** Whether a request that matched no route is a page of the web app (a deep link). */
export function isAppPage(req: FastifyRequest): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url.split("?")[0] ?? "";
  if (url.startsWith("/api/") || url.startsWith("/assets/") || /\.[a-z0-9]{2,5}$/i.test(url)) return false;
  return String(req.headers.accept ?? "").includes("text/html");
}

/** index.html for the requested route (its page's chunks named), or the plain one. */
export function sendAppPage(req: FastifyRequest, reply: FastifyReply, web: WebBuild) {
  const url = req.url.split("?")[0] ?? "/";
  const page = web.pages.find((p) => p.pattern.test(url))?.file ?? web.files.get("/index.html");
  if (!page) return false;
  return send(req, reply, page);
}

/**
 * `/` with the dashboard's title and the plan's name drawn in (first-screen.ts). The plan is the
 * one the link names (?plan=), else the app's default (a value that is not a code is dropped, as
 * the app drops it); an unknown plan leaves the name's line empty, as the app holds it. Without
 * the build's strings, the plain page.
 */
async function sendHome(req: FastifyRequest, reply: FastifyReply, web: WebBuild, db: Executor) {
  const page = web.pages.find((p) => p.route === "/");
  // A script's fetch of the page (the service worker filling its precache) gets the plain page:
  // offline it answers every route with it, and those are not the dashboard. Navigations say
  // `document`; browsers that send no Sec-Fetch-Dest get the first screen.
  const fetched = req.headers["sec-fetch-dest"] !== undefined && req.headers["sec-fetch-dest"] !== "document";
  if (!page || !web.firstScreen || fetched) return sendAppPage(req, reply, web);
  const lang = firstScreenLang(req.cookies.chinam_lang);
  const asked = codeParam.safeParse((req.query as Record<string, unknown>).plan);
  // The heading is a courtesy: if the plan cannot be read, the app draws it (or says why).
  const plan = await planByCode(db, asked.success ? asked.data : DEFAULT_PLAN).catch((err: unknown) => {
    req.log.warn({ err }, "first screen: the plan could not be read");
    return undefined;
  });
  const name = plan ? (lang === "en" ? (plan.nameEn ?? plan.nameVi) : plan.nameVi) : null;
  const header = homeHeaderHtml(web.firstScreen.title[lang], name);
  // Drawn in the language of the cookie: a cache must not hand one person's to another.
  const html = withFirstScreen(page.file.body.toString("utf8"), lang, header);
  return send(req, reply, requestPage(html), "accept-encoding, cookie");
}

/** The plan `/` shows when the link names none (src/web/app/search.ts says the same). */
const DEFAULT_PLAN = "NQ57";

const noBuild = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chỉ Nam</title>
<p>Ứng dụng web chưa được dựng: chạy <code>npm run build:web</code> hoặc <code>npm start</code>.</p>
<p>The web app is not built: run <code>npm run build:web</code> or <code>npm start</code>. API: <a href="/api/docs">/api/docs</a></p></html>`;

export function webAppRoutes(web: WebBuild | null): FastifyPluginAsyncZod {
  const files = web?.files;
  return async (app) => {
    const publicFile = { config: { access: { public: true as const } }, schema: { hide: true } };
    app.get("/", publicFile, async (req, reply) =>
      web
        ? sendHome(req, reply, web, app.deps.database.db)
        : reply.type("text/html; charset=utf-8").send(noBuild),
    );
    app.get(
      "/assets/:file",
      { ...publicFile, schema: { hide: true, params: z.object({ file: z.string().max(200) }) } },
      async (req, reply) => {
        const file = files?.get(`/assets/${req.params.file}`);
        if (!file) return reply.callNotFound();
        return send(req, reply, file);
      },
    );
    // The service worker of data entry offline (src/web/offline/sw.ts): at the root so its scope is
    // the whole app, and revalidated on every check (no-cache) so a new build replaces it at once.
    for (const name of ["/favicon.svg", "/sw.js"])
      app.get(name, publicFile, async (req, reply) => {
        const file = files?.get(name);
        if (!file) return reply.callNotFound();
        return send(req, reply, file);
      });
  };
}
