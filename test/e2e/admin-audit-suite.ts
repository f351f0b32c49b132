/**
 * The audit trail end to end (issue 15, item 5). A token is issued for Hà Nội and writes two values
 * in one bulk request (an import: one entry with its rows). In the browser the administrator
 * verifies the chain (intact, in words), finds the token's issue by entity type and id — the URL
 * holding the filters — opens it with its diff, narrows the trail to the issuing user and a day
 * range, and opens the bulk entry's rows. The Standing Office reads the trail without the
 * verification. axe, 375 px and screenshots in both languages; no console error.
 */
import { expect, it } from "vitest";
import { emptyHanoiCells } from "./admin-tokens-suite.js";
import {
  type ApiSession,
  apiSession,
  axeProblems,
  checkPage,
  type E2E,
  openPage,
  screenshot,
  signInContext,
} from "./harness.js";

interface Entry {
  seq: number;
  action: string;
  actor: string;
  entityId: string | null;
}

async function must<T>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const r = await s.call<T>(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

interface Prepared {
  tokenId: string;
  tokenName: string;
  actor: string;
  bulkSeq: number;
  indicators: string[];
}

/** A token issued through the API that writes two of Hà Nội's empty cells in one bulk request. */
async function prepare(e2e: E2E): Promise<Prepared> {
  const admin = await apiSession(e2e, "demo-admin");
  const { period, indicators } = await emptyHanoiCells(e2e, 2);
  const tokenName = `E2E nhật ký ${Date.now()}`;
  const issued = await must<{ id: string; token: string }>(admin, "POST", "/api-tokens", {
    name: tokenName,
    unit: "HA-NOI",
    indicators,
    actions: ["observations:write"],
    expiresInDays: 1,
  });
  const res = await fetch(`${e2e.url}/api/v1/observations/bulk`, {
    method: "POST",
    headers: { authorization: `Bearer ${issued.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      items: indicators.map((indicator, k) => ({ indicator, unit: "HA-NOI", period, value: 31 + k })),
    }),
  });
  if (!res.ok) throw new Error(`bulk: ${res.status} ${await res.text()}`);
  const actor = `token:${tokenName}#${issued.id}`;
  const list = await must<{ items: Entry[] }>(
    admin,
    "GET",
    `/audit?actor=${encodeURIComponent(actor)}&limit=5`,
  );
  const bulk = list.items.find((e) => e.action === "observations.import");
  if (!bulk) throw new Error(`no bulk entry by ${actor}: ${JSON.stringify(list.items)}`);
  await must(admin, "DELETE", `/api-tokens/${issued.id}`);
  return { tokenId: issued.id, tokenName, actor, bulkSeq: bulk.seq, indicators };
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

export function adminAuditSuite(get: () => E2E) {
  let prepared: Prepared | undefined;

  it("verifies the chain, finds a token's issue by entity and by user with its diff, and opens a bulk entry's rows", {
    timeout: 240_000,
  }, async () => {
    const e2e = get();
    prepared = await prepare(e2e);
    const { tokenId, tokenName, actor, bulkSeq, indicators } = prepared;
    const tp = await openPage(e2e, { lang: "vi" });
    try {
      const { page } = tp;
      await signInContext(tp.context, "demo-admin");
      await page.goto("/admin/audit");
      await page.getByRole("heading", { level: 1, name: "Nhật ký kiểm toán" }).waitFor();

      // The chain's verification, on request, in words.
      await page.getByRole("button", { name: "Kiểm tra chuỗi" }).click();
      const verdict = page.locator("[data-verify]");
      await verdict.waitFor({ timeout: 60_000 });
      expect(await verdict.getAttribute("data-verify")).toBe("ok");
      await verdict.getByText(/^Chuỗi nguyên vẹn: đã kiểm tra [\d.,]+ mục\.$/).waitFor();
      await verdict.getByText(/^Mốc neo \(mục \d+\) khớp với chuỗi\.$/).waitFor();
      await screenshot(page, "admin-audit-verify", "vi");

      // By entity: type and id, applied with Enter; the filters land in the URL.
      const type = page
        .getByRole("textbox", { name: "Loại đối tượng" })
        .or(page.getByRole("combobox", { name: "Loại đối tượng" }));
      await type.first().click();
      await page.getByRole("option", { name: "Mã truy cập API" }).click();
      const idField = page.getByRole("textbox", { name: "Đối tượng (mã hoặc id)" });
      await idField.fill(tokenId);
      await idField.press("Enter");
      await page.waitForURL(
        (u) => u.searchParams.get("entityType") === "api_token" && u.searchParams.get("entityId") === tokenId,
      );
      const created = page.locator('tr[data-action="api_token.create"]');
      await created.waitFor();
      await page.locator('tr[data-action="api_token.revoke"]').waitFor();
      expect(await page.locator("tbody tr[data-seq]").count()).toBe(2);

      // Opened: the diff of its issue (every field added), by keyboard.
      await created.getByRole("button", { name: /^Chi tiết mục/ }).press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("heading", { name: /Cấp mã truy cập API$/ }).waitFor();
      await page.waitForURL((u) => u.searchParams.has("entry"));
      const diff = dialog.getByRole("table", { name: /^Thay đổi ghi ở mục/ });
      await diff.getByRole("rowheader", { name: /^name/ }).waitFor();
      await diff.getByText(tokenName).waitFor();
      await diff.getByText("HA-NOI").waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "admin-audit-token-entry", "vi");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await page.waitForURL((u) => !u.searchParams.has("entry"));

      // By user (the entry's actor), then a day range: still there.
      await created.getByRole("button", { name: /^demo-admin/ }).click();
      await page.waitForURL((u) => u.searchParams.get("actor") === "demo-admin");
      await page.getByRole("textbox", { name: "Từ ngày" }).fill(today());
      await page.getByRole("textbox", { name: "Đến ngày" }).fill(today());
      await page.getByRole("button", { name: "Lọc", exact: true }).click();
      await page.waitForURL(
        (u) => u.searchParams.get("from") === today() && u.searchParams.get("to") === today(),
      );
      await created.waitFor();
      const actors = await page.locator("tbody tr[data-seq] .audit-actor").allTextContents();
      expect(new Set(actors)).toEqual(new Set(["demo-admin"]));

      // The bulk entry by the token's own name: its rows, each before and after.
      await page.getByRole("button", { name: "Bỏ lọc" }).click();
      await page.waitForURL((u) => u.search === "");
      const userField = page.getByRole("textbox", { name: "Người dùng (tên đăng nhập)" });
      await userField.fill(actor);
      await userField.press("Enter");
      const bulk = page.locator(`tr[data-seq="${bulkSeq}"]`);
      await bulk.getByText("2 dòng").waitFor();
      await bulk.getByRole("button", { name: /^Chi tiết mục/ }).click();
      const rows = dialog.getByRole("table", { name: /^Các số liệu mục/ });
      for (const code of indicators) await rows.getByRole("cell", { name: code, exact: true }).waitFor();
      expect(await rows.locator("tbody tr").count()).toBe(2);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, "admin-audit-bulk", "vi");
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  });

  it("passes axe and fits a phone in both languages: the trail, and a bulk entry opened from its link", {
    timeout: 300_000,
  }, async () => {
    const e2e = get();
    await checkPage(e2e, {
      name: "admin-audit",
      path: "/admin/audit",
      user: "demo-admin",
      ready: (page) => page.locator("tbody tr[data-seq]").first().waitFor(),
    });
    const seq = prepared?.bulkSeq;
    if (seq === undefined) throw new Error("the first test prepares the bulk entry");
    await checkPage(e2e, {
      name: "admin-audit-entry",
      path: `/admin/audit?entry=${seq}`,
      user: "demo-admin",
      ready: (page) => page.getByRole("dialog").locator(".audit-rows tbody tr").first().waitFor(),
    });
  });

  it("lets the Standing Office read the trail without the verification it may not run", async () => {
    const tp = await openPage(get(), { lang: "en" });
    try {
      await signInContext(tp.context, "demo-standing");
      await tp.page.goto("/admin/audit");
      await tp.page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
      await tp.page.locator("tbody tr[data-seq]").first().waitFor();
      expect(await tp.page.getByRole("button", { name: "Verify the chain" }).count()).toBe(0);
      expect(tp.problems()).toEqual([]);
    } finally {
      await tp.close();
    }
  }, 60_000);
}
