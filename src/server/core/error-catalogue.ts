/** Error catalogue: stable code -> HTTP status and message templates in Vietnamese and English. */
export const errorCatalog = {
  AUTH_REQUIRED: {
    status: 401,
    vi: "Cần đăng nhập để thực hiện thao tác này.",
    en: "Sign in to do this.",
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  },
  INVALID_TOKEN: {
    status: 401,
    vi: "Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.",
    en: "The API token is invalid, expired or revoked.",
  },
  TOTP_REQUIRED: {
    status: 401,
    vi: "Nhập mã xác thực 6 chữ số từ ứng dụng xác thực (totp).",
    en: "Enter the 6-digit code from your authenticator app (totp).",
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    vi: "Quản trị viên phải bật xác thực hai lớp (TOTP) trước khi tiếp tục: POST /api/v1/me/totp.",
    en: "Administrators must enrol a second factor (TOTP) first: POST /api/v1/me/totp.",
  },
  FORBIDDEN: {
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "You are not allowed to do this.",
  },
  CSRF_FAILED: {
    status: 403,
    vi: "Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token). Hãy tải lại trang.",
    en: "Missing or wrong anti-forgery token (x-csrf-token). Reload the page.",
  },
  LOGIN_THROTTLED: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {after} giây.",
    en: "Too many failed sign-ins. Try again in {after} seconds.",
  },
  PASSWORD_POLICY: {
    status: 422,
    vi: "Mật khẩu chưa đạt yêu cầu: {summary}.",
    en: "The password does not meet the policy: {summary}.",
  },
  LINK_INVALID: {
    status: 400,
    vi: "Đường dẫn dùng một lần không hợp lệ, đã dùng hoặc đã hết hạn.",
    en: "The one-time link is invalid, used or expired.",
  },
  SETUP_DONE: {
    status: 409,
    vi: "Hệ thống đã có quản trị viên; không thể khởi tạo lại.",
    en: "An administrator already exists; setup cannot run again.",
  },
  VALIDATION_FAILED: {
    status: 400,
    vi: "Dữ liệu gửi lên không hợp lệ: {summary}",
    en: "The request is not valid: {summary}",
  },
  BAD_REQUEST: {
    status: 400,
    vi: "Yêu cầu không hợp lệ.",
    en: "The request is not valid.",
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: "Phần đầu (header) của yêu cầu quá lớn. Hãy xóa cookie của trang hoặc gửi ít header hơn.",
    en: "The request headers are too large. Clear the site's cookies or send fewer headers.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: "Yêu cầu đến quá chậm và đã bị ngắt. Vui lòng gửi lại.",
    en: "The request took too long to arrive and was dropped. Send it again.",
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
  STALE_VERSION: {
    status: 409,
    vi: "Số liệu đã được người khác sửa (nay là phiên bản {version}). Hãy xem giá trị hiện tại rồi gửi lại.",
    en: "The value was changed by someone else (now version {version}). Review the current value and send again.",
  },
  STALE_BATCH: {
    status: 409,
    vi: "{count}/{total} số liệu đã thay đổi kể từ khi bạn tải danh sách: không số liệu nào được xử lý. Hãy tải lại rồi thử lại.",
    en: "{count} of the {total} values changed since you loaded them: none was changed. Reload and try again.",
  },
  CONCURRENT_WRITE: {
    status: 409,
    vi: "Cùng lúc có người khác vừa ghi chính các ô số liệu này. Hãy xem lại rồi gửi lại.",
    en: "Someone else wrote these same value cells at the same moment. Review them and send again.",
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    vi: "Khóa Idempotency-Key “{key}” đã được dùng cho một lần nhập khác.",
    en: "Idempotency-Key “{key}” was already used for a different import.",
  },
  IMPORT_REJECTED: {
    status: 422,
    vi: "Không nhập dòng nào: {count} dòng có lỗi. Sửa các lỗi rồi gửi lại.",
    en: "Nothing was imported: {count} row(s) have errors. Fix them and send again.",
  },
  VALUE_LOCKED: {
    status: 409,
    vi: "Số liệu đã {state}, đơn vị không sửa được nữa; {who}.",
    en: "The value is {stateEn} and no longer its unit's to change; {whoEn}.",
  },
  NOT_CELL_REPORTER: {
    status: 403,
    vi: "Ô số liệu này do {reporter} báo cáo: chỉ đơn vị đó được nhập hoặc sửa.",
    en: "This value cell is reported by {reporterEn}: only that unit enters or changes it.",
  },
  INVALID_VALUE: {
    status: 422,
    vi: "Số liệu không hợp lệ: {summary}",
    en: "Invalid value: {summaryEn}",
  },
  INVALID_STATE: {
    status: 409,
    vi: "Không thể “{action}” số liệu đang ở trạng thái “{state}”.",
    en: "Cannot {action} a value in state “{state}”.",
  },
  ORG_UNIT_CYCLE: {
    status: 422,
    vi: "Không thể đặt “{parent}” làm đơn vị cấp trên của “{code}”: sẽ tạo vòng lặp trong cây đơn vị.",
    en: "Cannot make “{parent}” the parent of “{code}”: it would create a cycle in the unit hierarchy.",
  },
  ORG_UNIT_VALIDITY: {
    status: 422,
    vi: "Không thể đặt thời gian hiệu lực này cho đơn vị “{code}”: {summary}",
    en: "Cannot give org unit “{code}” this validity: {summary}",
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
  SPREADSHEET_TOO_MANY_ROWS: {
    status: 413,
    vi: "Tệp có quá {limit} dòng (giới hạn {setting}); hãy chia thành nhiều tệp nhỏ hơn.",
    en: "The file has more than {limit} rows (limit {setting}); split it into smaller files.",
  },
  SPREADSHEET_INFLATED_TOO_LARGE: {
    status: 413,
    vi: "Tệp Excel khi giải nén vượt quá {limit} (giới hạn XLSX_MAX_INFLATED_MB); tệp bị từ chối.",
    en: "The Excel file inflates to more than {limit} (limit XLSX_MAX_INFLATED_MB); it is refused.",
  },
  SPREADSHEET_TOO_MANY_STRINGS: {
    status: 413,
    vi: "Tệp Excel có quá {limit} chuỗi dùng chung (giới hạn XLSX_MAX_SHARED_STRINGS); hãy chia thành nhiều tệp nhỏ hơn.",
    en: "The Excel file has more than {limit} shared strings (limit XLSX_MAX_SHARED_STRINGS); split it into smaller files.",
  },
  WRONG_FILE_KIND: {
    status: 422,
    vi: "Tệp gửi lên là {kindVi}, không phải {expectedVi}.",
    en: "The file sent is {kindEn}, not {expectedEn}.",
  },
  CSV_ENCODING_UNSUPPORTED: {
    status: 422,
    vi: "Tệp CSV có vẻ được mã hóa {encoding} mà không có dấu BOM; hãy lưu lại dưới dạng “CSV UTF-8”.",
    en: "The CSV file looks {encoding}-encoded without a byte-order mark; save it again as “CSV UTF-8”.",
  },
  CSV_MALFORMED: {
    status: 422,
    vi: "Tệp CSV không đọc được từ dòng {row}: {reasonVi}.",
    en: "The CSV file cannot be read from row {row}: {reasonEn}.",
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
