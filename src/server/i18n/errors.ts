/** Error catalogue: stable code -> HTTP status and message templates in Vietnamese and English. */
export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    vi: "Dữ liệu gửi lên không hợp lệ: {summary}",
    en: "The request is not valid: {summary}",
  },
  MALFORMED_BODY: {
    status: 400,
    vi: "Nội dung yêu cầu không đọc được (JSON hoặc YAML sai cú pháp).",
    en: "The request body could not be parsed (invalid JSON or YAML).",
  },
  NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy {entity} có mã “{code}”.",
    en: "No {entity} with code “{code}”.",
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: "Không có địa chỉ API {method} {url}.",
    en: "There is no API route {method} {url}.",
  },
  DUPLICATE_CODE: {
    status: 409,
    vi: "Mã “{code}” đã được dùng cho một {entity} khác.",
    en: "Code “{code}” is already used by another {entity}.",
  },
  ORG_UNIT_CYCLE: {
    status: 422,
    vi: "Không thể đặt “{parent}” làm đơn vị cấp trên của “{code}”: sẽ tạo vòng lặp trong cây đơn vị.",
    en: "Cannot make “{parent}” the parent of “{code}”: it would create a cycle in the unit hierarchy.",
  },
  TARGET_YEAR_OUTSIDE_PLAN: {
    status: 422,
    vi: "Năm mục tiêu {year} nằm ngoài thời gian của kế hoạch {plan} ({start}–{end}).",
    en: "Target year {year} is outside plan {plan} ({start}–{end}).",
  },
  PLAN_DEFINITION_INVALID: {
    status: 422,
    vi: "Tệp định nghĩa kế hoạch có {count} lỗi; lỗi đầu tiên: {first}",
    en: "The plan-definition file has {count} error(s); first: {first}",
  },
  INVALID_REFERENCE: {
    status: 422,
    vi: "Tham chiếu không hợp lệ: {summary}",
    en: "Invalid reference: {summary}",
  },
  INVALID_CURSOR: {
    status: 400,
    vi: "Tham số nextCursor không hợp lệ hoặc đã hết hạn.",
    en: "The cursor is not valid.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: "Nội dung gửi lên vượt quá giới hạn {limit}.",
    en: "The request body exceeds the limit of {limit}.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: "Kiểu nội dung “{type}” không được hỗ trợ.",
    en: "Content type “{type}” is not supported.",
  },
  RATE_LIMITED: {
    status: 429,
    vi: "Quá nhiều yêu cầu. Vui lòng thử lại sau {after} giây.",
    en: "Too many requests. Try again in {after} seconds.",
  },
  NOT_READY: {
    status: 503,
    vi: "Hệ thống chưa sẵn sàng: {reason}",
    en: "Not ready: {reason}",
  },
  INTERNAL: {
    status: 500,
    vi: "Lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã yêu cầu.",
    en: "Internal error. Try again or report it to the administrator with the request id.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;
