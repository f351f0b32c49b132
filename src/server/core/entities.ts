import type { Lang } from "./lang.js";

/** Names of entities as they appear inside error messages. */
const entities: Record<string, Record<Lang, string>> = {
  plan: { vi: "kế hoạch", en: "plan" },
  system: { vi: "hệ thống", en: "system" },
  initiative: { vi: "sáng kiến", en: "initiative" },
  project: { vi: "dự án", en: "project" },
  indicator: { vi: "chỉ tiêu", en: "indicator" },
  org_unit: { vi: "đơn vị", en: "org unit" },
  phase: { vi: "giai đoạn", en: "phase" },
  user: { vi: "tài khoản", en: "user" },
  role_grant: { vi: "phân quyền", en: "role grant" },
  focal_person: { vi: "đầu mối", en: "focal person" },
  api_token: { vi: "mã truy cập API", en: "API token" },
  observation: { vi: "số liệu", en: "value" },
  audit_entry: { vi: "mục nhật ký kiểm toán", en: "audit entry" },
  import: { vi: "lần nhập", en: "import" },
  oidc: { vi: "cấu hình đăng nhập một lần", en: "single sign-on configuration" },
};

export function renderEntity(key: string, lang: Lang): string {
  return entities[key]?.[lang] ?? key;
}
