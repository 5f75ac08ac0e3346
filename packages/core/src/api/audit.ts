import { z } from 'zod';
import { isoDate, pageQuery, timestamp, uuid } from './common.ts';

/** Audit actions and how users read them. */
export const AUDIT_ACTION_LABELS = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập thất bại',
  'auth.lockout': 'Khóa tạm do nhập sai mật khẩu',
  'auth.logout': 'Đăng xuất',
  'auth.password_changed': 'Đổi mật khẩu',
  'user.created': 'Tạo tài khoản',
  'user.updated': 'Sửa tài khoản',
  'user.disabled': 'Khóa tài khoản',
  'user.enabled': 'Mở khóa tài khoản',
  'user.unlocked': 'Gỡ khóa đăng nhập',
  'user.password_reset': 'Đặt lại mật khẩu',
  'user.grant_added': 'Cấp quyền',
  'user.grant_revoked': 'Thu hồi quyền',
  'unit.created': 'Tạo đơn vị',
  'unit.updated': 'Sửa đơn vị',
  'unit.moved': 'Chuyển đơn vị',
  'unit.deactivated': 'Ngừng hoạt động đơn vị',
  'unit.reactivated': 'Khôi phục hoạt động đơn vị',
  'unit.deleted': 'Xóa đơn vị',
  'unit.imported': 'Nhập danh mục đơn vị hành chính',
  'system.seeded': 'Khởi tạo dữ liệu mẫu',
  'catalog.created': 'Tạo danh mục',
  'catalog.updated': 'Sửa danh mục',
  'catalog.item_saved': 'Cập nhật mục của danh mục',
  'indicator.created': 'Tạo chỉ tiêu',
  'indicator.updated': 'Sửa chỉ tiêu',
  'indicator.imported': 'Nhập chỉ tiêu từ Excel',
  'indicator.set_created': 'Tạo bộ chỉ tiêu',
  'indicator.set_updated': 'Sửa bộ chỉ tiêu',
  'indicator.set_members_saved': 'Cập nhật chỉ tiêu của bộ chỉ tiêu',
  'form.created': 'Tạo biểu mẫu',
  'form.draft_started': 'Tạo bản nháp phiên bản mới của biểu mẫu',
  'form.draft_saved': 'Lưu bản nháp biểu mẫu',
  'form.published': 'Ban hành phiên bản biểu mẫu',
  'form.shared': 'Chia sẻ biểu mẫu',
  'form.copied': 'Sao chép biểu mẫu mẫu',
  'form.archived': 'Lưu trữ biểu mẫu',
  'regime.created': 'Tạo chế độ báo cáo',
  'regime.draft_started': 'Tạo bản nháp phiên bản mới của chế độ báo cáo',
  'regime.draft_saved': 'Lưu bản nháp chế độ báo cáo',
  'regime.published': 'Ban hành phiên bản chế độ báo cáo',
  'regime.stopped': 'Ngừng áp dụng chế độ báo cáo',
  'period.opened': 'Mở kỳ báo cáo',
  'period.closed': 'Đóng kỳ báo cáo',
  'period.reopened': 'Mở lại kỳ báo cáo',
  'period.extended': 'Gia hạn kỳ báo cáo',
  'assignment.delegated': 'Giao tiếp báo cáo cho đơn vị trực thuộc',
  'calendar.adjusted': 'Cập nhật lịch ngày nghỉ, ngày làm việc',
  'calendar.adjustment_removed': 'Xóa ngày nghỉ, ngày làm việc đã công bố',
  'report.created': 'Mở báo cáo',
  'report.saved': 'Lưu số liệu báo cáo',
  'report.transition': 'Chuyển bước quy trình báo cáo',
  'report.attachment_added': 'Đính kèm tài liệu vào báo cáo',
  'report.attachment_removed': 'Gỡ tài liệu đính kèm khỏi báo cáo',
  'report.excel_previewed': 'Kiểm tra tệp Excel số liệu báo cáo',
  'certificate.imported': 'Nhập chứng thư số',
  'certificate.revoked': 'Ngừng sử dụng chứng thư số',
  'report.signed': 'Ký số báo cáo',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

export const auditEntry = z.object({
  seq: z.number().int(),
  at: timestamp,
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  summary: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: uuid.optional(),
  unitId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
