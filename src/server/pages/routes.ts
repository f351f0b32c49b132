/**
 * Two small server-rendered pages that must work before the web app exists: creating the first
 * administrator from the link printed at first start, and setting a password from a reset link.
 * The one-time token travels in the URL fragment, so it never reaches logs or proxies.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

const dir = path.dirname(fileURLToPath(import.meta.url));
const js = readFileSync(path.join(dir, "assets", "account.js"), "utf8");
const css = readFileSync(path.join(dir, "assets", "account.css"), "utf8");

function page(title: string, titleEn: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Chỉ Nam</title><link rel="stylesheet" href="/account/account.css"></head>
<body><main><h1>${title}</h1><p class="en">${titleEn}</p>${body}<div id="result" role="status"></div></main>
<script src="/account/account.js"></script></body></html>`;
}

const passwordFields = `
<label for="password">Mật khẩu <small>(ít nhất 12 ký tự / at least 12 characters)</small></label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
<label for="confirm">Nhập lại mật khẩu <small>/ confirm</small></label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" required>`;

const setupHtml = page(
  "Tạo tài khoản quản trị đầu tiên",
  "Create the first administrator",
  `<form data-endpoint="/api/v1/setup" data-done="Đã tạo tài khoản quản trị. Hãy đăng nhập. / Administrator created: sign in.">
<label for="username">Tên đăng nhập <small>/ username</small></label>
<input id="username" name="username" autocomplete="username" pattern="[a-z0-9][a-z0-9._-]{2,63}" required>
<label for="displayName">Họ và tên <small>/ full name</small></label>
<input id="displayName" name="displayName" autocomplete="name" required>
${passwordFields}
<button type="submit">Tạo tài khoản / Create</button></form>`,
);

const resetHtml = page(
  "Đặt mật khẩu mới",
  "Set a new password",
  `<form data-endpoint="/api/v1/password-reset" data-done="Đã đặt mật khẩu mới. Hãy đăng nhập. / Password set: sign in.">
${passwordFields}
<button type="submit">Lưu mật khẩu / Save</button></form>`,
);

/** A compass rose ("chỉ nam" is the south-pointing needle) in the plan's red. */
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#fff" stroke="#b3261e" stroke-width="2"/><path d="M16 3l4 13-4 13-4-13z" fill="#b3261e"/><circle cx="16" cy="16" r="2" fill="#fff"/></svg>`;

export const pageRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicPage = { config: { access: { public: true as const } }, schema: { hide: true } };
  app.get("/setup", publicPage, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(setupHtml),
  );
  app.get("/reset-password", publicPage, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(resetHtml),
  );
  app.get("/account/account.js", publicPage, async (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=3600").send(js),
  );
  app.get("/favicon.ico", publicPage, async (_req, reply) =>
    reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(favicon),
  );
  app.get("/account/account.css", publicPage, async (_req, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(css),
  );
};
