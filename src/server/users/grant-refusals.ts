/**
 * A refused grant or revocation says why: 403 FORBIDDEN (the code every refusal shares) with a
 * detail naming the policy's reason, in Vietnamese and English.
 */
import type { GrantRefusal } from "../access/index.js";
import { AppError } from "../core/errors.js";

export const grantRefusalText: Record<GrantRefusal, { vi: string; en: string }> = {
  not_a_person: {
    vi: "Chỉ người dùng đã đăng nhập mới cấp được vai trò.",
    en: "Only a signed-in person grants roles.",
  },
  own_roles: {
    vi: "Không ai tự cấp hoặc thu hồi vai trò của chính mình.",
    en: "Nobody grants or revokes their own roles.",
  },
  admin_only_role: {
    vi: "Chỉ quản trị hệ thống mới cấp vai trò quản trị hoặc Cơ quan Thường trực.",
    en: "Only system administrators grant administrator or Standing Office roles.",
  },
  unit_role_admin_only: {
    vi: "Chỉ quản trị hệ thống mới cấp vai trò của đơn vị.",
    en: "Only system administrators grant unit roles.",
  },
  outside_your_plans: {
    vi: "Vai trò này thuộc một kế hoạch mà bạn không phải Cơ quan Thường trực.",
    en: "This role belongs to a plan whose Standing Office you are not.",
  },
};

/** The refusal of a grant, naming its reason (the plain FORBIDDEN when the policy gives none). */
export function grantRefused(reason: GrantRefusal | null): AppError {
  if (!reason) return new AppError("FORBIDDEN");
  const text = grantRefusalText[reason];
  return new AppError("FORBIDDEN", {}, [
    { path: "body.role", message: text.vi, messageEn: text.en, value: reason },
  ]);
}

/** Disabling one's own account is refused with its reason (nobody locks themselves out). */
export function selfDisableRefused(): AppError {
  return new AppError("FORBIDDEN", {}, [
    {
      path: "body.status",
      message: "Không thể vô hiệu hoá tài khoản của chính mình.",
      messageEn: "You cannot disable your own account.",
    },
  ]);
}
