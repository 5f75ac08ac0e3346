/**
 * Domain error codes, their HTTP status and the Vietnamese message a user reads. Services throw
 * `AppError(code, details)`; one handler in the server maps them to responses of the form
 * `{ "error": { "code", "message", "details"? } }`.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  MALFORMED_JSON: { status: 400, message: 'Dữ liệu gửi lên không đúng định dạng JSON.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu gửi lên không được hỗ trợ.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị đơn vị.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
  PASSWORD_POLICY: { status: 400, message: 'Mật khẩu mới chưa đạt yêu cầu.' },
  WRONG_CURRENT_PASSWORD: { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  CSRF_INVALID: { status: 403, message: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang và thử lại.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  OUT_OF_SCOPE: { status: 403, message: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thử lại.' },
  DUPLICATE_CODE: { status: 409, message: 'Mã đã được sử dụng.' },
  DUPLICATE_USERNAME: { status: 409, message: 'Tên đăng nhập đã tồn tại.' },
  UNIT_CYCLE: { status: 409, message: 'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc của nó.' },
  CATALOG_ITEM_CYCLE: { status: 409, message: 'Không thể chọn mục cấp trên là chính mục này hoặc một mục con của nó.' },
  UNIT_HAS_DATA: { status: 409, message: 'Đơn vị đã có dữ liệu nên không thể xóa; hãy chuyển sang ngừng hoạt động.' },
  UNIT_HAS_ACTIVE_CHILDREN: { status: 409, message: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy xử lý các đơn vị đó trước.' },
  UNIT_INACTIVE: { status: 409, message: 'Đơn vị đã ngừng hoạt động.' },
  FORM_NOT_PUBLISHED: { status: 409, message: 'Biểu mẫu chưa có phiên bản nào được ban hành.' },
  REGIME_INVALID: { status: 400, message: 'Chế độ báo cáo chưa đủ hoặc chưa đúng các nội dung bắt buộc.' },
  DEADLINE_TOO_EARLY: { status: 400, message: 'Thời hạn gửi báo cáo phải sau thời điểm chốt số liệu ít nhất 01 ngày làm việc.' },
  DEADLINE_LEVELS_ORDER: { status: 400, message: 'Thời hạn của cấp dưới phải trước thời hạn của cấp trên.' },
  CUSTOM_PERIODS_OVERLAP: { status: 400, message: 'Các kỳ báo cáo tự định nghĩa bị chồng lấn thời gian.' },
  NO_REPORTING_UNITS: { status: 400, message: 'Chế độ báo cáo chưa có đơn vị thực hiện báo cáo nào.' },
  REGIME_VERSION_PUBLISHED: {
    status: 409,
    message: 'Phiên bản chế độ báo cáo này đã ban hành và đã dùng để mở kỳ báo cáo nên không thể sửa; hãy tạo phiên bản mới.',
  },
  PERIOD_CLOSED: { status: 409, message: 'Kỳ báo cáo đã đóng.' },
  DELEGATE_NOT_SUBUNIT: { status: 400, message: 'Chỉ giao tiếp cho đơn vị trực thuộc hoặc phòng, ban của đơn vị mình.' },
  DELEGATE_DEADLINE_TOO_LATE: { status: 400, message: 'Hạn giao tiếp phải trước hạn gửi báo cáo của đơn vị mình.' },
  INVALID_CALENDAR_DATE: { status: 400, message: 'Ngày không hợp lệ.' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: 'Không thể thực hiện thao tác này với báo cáo ở trạng thái hiện tại.' },
  TRANSITION_FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện bước này của quy trình báo cáo.' },
  REASON_REQUIRED: { status: 400, message: 'Vui lòng nhập lý do.' },
  RECEIVED_AT_REQUIRED: { status: 400, message: 'Vui lòng nhập thời điểm nhận báo cáo ngoài hệ thống.' },
  REPORT_STALE: {
    status: 409,
    message: 'Báo cáo vừa được người khác thay đổi. Số liệu của bạn chưa được lưu đè lên; hãy tải lại bản mới nhất rồi nhập tiếp.',
  },
  REPORT_NOT_EDITABLE: { status: 409, message: 'Báo cáo ở trạng thái hiện tại không được sửa số liệu.' },
  REPORT_VERSION_LOCKED: { status: 409, message: 'Phiên bản báo cáo đã được tiếp nhận nên không thể sửa; hãy đề nghị đính chính.' },
  REPORT_CELLS_INVALID: { status: 400, message: 'Có ô số liệu không hợp lệ.' },
  REPORT_HAS_ERRORS: { status: 409, message: 'Báo cáo còn lỗi số liệu; hãy sửa các ô được đánh dấu trước khi trình.' },
  WARNINGS_UNEXPLAINED: { status: 409, message: 'Báo cáo còn cảnh báo chưa có giải trình; hãy giải trình từng cảnh báo trước khi trình.' },
  CONSOLIDATION_OVERRIDE_UNEXPLAINED: {
    status: 409,
    message: 'Có ô đã sửa khác số tổng hợp từ đơn vị cấp dưới nhưng chưa ghi chú lý do; hãy ghi chú từng ô trước khi trình.',
  },
  NARRATIVE_REQUIRED: { status: 409, message: 'Còn mục bắt buộc của đề cương chưa viết.' },
  LATE_SENDING_FORBIDDEN: { status: 409, message: 'Đã quá thời hạn gửi báo cáo và chế độ báo cáo không cho phép gửi muộn.' },
  ATTACHMENT_REJECTED: {
    status: 400,
    message: 'Tệp đính kèm không được chấp nhận: chỉ nhận PDF, DOCX, XLSX và ảnh (PNG, JPEG) có nội dung đúng định dạng.',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'Tệp đính kèm vượt quá dung lượng cho phép.' },
  EXCEL_INVALID: { status: 400, message: 'Tệp Excel không đọc được hoặc không đúng định dạng .xlsx.' },
  EXCEL_WRONG_FORM: { status: 400, message: 'Tệp Excel không phải của biểu mẫu (hoặc phiên bản biểu mẫu) của báo cáo này.' },
  CERTIFICATE_BAD_PASSWORD: { status: 400, message: 'Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.' },
  CERTIFICATE_INVALID: { status: 400, message: 'Tệp chứng thư số không đọc được hoặc không đúng định dạng PKCS#12 (.p12/.pfx) hay PEM.' },
  CERTIFICATE_NO_KEY: { status: 400, message: 'Tệp không chứa khóa bí mật đi kèm chứng thư số.' },
  CERTIFICATE_KEY_MISMATCH: { status: 400, message: 'Khóa bí mật không khớp với chứng thư số.' },
  CERTIFICATE_EXPIRED: { status: 400, message: 'Chứng thư số đã hết hạn.' },
  CERTIFICATE_NOT_YET_VALID: { status: 400, message: 'Chứng thư số chưa đến thời gian có hiệu lực.' },
  CERTIFICATE_UNTRUSTED: { status: 400, message: 'Chứng thư số không do tổ chức chứng thực được tin cậy cấp.' },
  CERTIFICATE_REVOKED: { status: 400, message: 'Chứng thư số đã bị thu hồi.' },
  CERTIFICATE_MISSING: {
    status: 409,
    message: 'Chưa có chứng thư số hợp lệ để ký. Hãy nhập chứng thư số tại mục "Chứng thư số" rồi thử lại.',
  },
  SIGNATURE_REQUIRED: { status: 409, message: 'Báo cáo chưa được ký số nên chưa thể gửi.' },
  SIGNATURE_INVALID_FILE: { status: 400, message: 'Tệp chữ ký số không đọc được (cần chữ ký CMS/PKCS#7 dạng .p7s).' },
  ANALYTICS_TOO_LARGE: {
    status: 422,
    message: 'Phạm vi khai thác quá lớn để hiển thị: hãy chọn ít chỉ tiêu, đơn vị hoặc kỳ hơn, hoặc kết xuất dữ liệu chi tiết (CSV).',
  },
  RATE_LIMITED: { status: 429, message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' },
  INTERNAL: { status: 500, message: 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại hoặc liên hệ quản trị hệ thống.' },
  UNAVAILABLE: { status: 503, message: 'Hệ thống tạm thời không sẵn sàng.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
