/**
 * Roles and what they permit. A role is granted on a unit, optionally with its subtree; the server's
 * one authorization function turns (role grants × unit tree) into allow or deny.
 */
export const ROLES = ['system_admin', 'unit_admin', 'report_owner', 'data_entry', 'reviewer', 'approver', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  unit_admin: 'Quản trị đơn vị',
  report_owner: 'Đơn vị chủ trì báo cáo',
  data_entry: 'Nhập liệu',
  reviewer: 'Kiểm tra',
  approver: 'Lãnh đạo (ký duyệt)',
  viewer: 'Khai thác',
};

export const PERMISSIONS = [
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  /** Edit catalogs (danh mục) and the indicator library (kho chỉ tiêu) owned by units in scope. */
  'reference.manage',
  /** Design forms, outlines and list forms owned by units in scope; publish and share them. */
  'form.design',
  /** Set up reporting regimes owned by units in scope; open, close and extend their periods; monitor them. */
  'regime.manage',
  /** Work on the reports of units in scope: see their tasks (Việc cần làm), enter, review, approve. */
  'report.work',
  /** Pass a unit's assignment down to its subunits and divisions (giao tiếp). */
  'assignment.delegate',
  /** Edit the working-day calendar (days the Government announces off or worked). Global. */
  'calendar.manage',
  /** Enter a unit's report data and submit it (trình) for review. */
  'report.enter',
  /** Check (kiểm tra) a submitted report, or send it back to the drafter with a reason. */
  'report.review',
  /** Approve (duyệt) and send (gửi) the unit's report; ask the receiver for a correction (đính chính). */
  'report.approve',
  /** On the receiving unit: accept (tiếp nhận) or return (trả lại), decide corrections, record out-of-band arrivals. */
  'report.receive',
  /** Explore the accepted figures and the timeliness statistics of units in scope (khai thác). */
  'analytics.read',
  /** Compose dashboards for units in scope and publish datasets on the public portal (công khai). */
  'analytics.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['unit.read'];
const designer: Permission[] = [
  'unit.read',
  'form.design',
  'reference.manage',
  'regime.manage',
  'report.work',
  'assignment.delegate',
  'analytics.read',
  'analytics.manage',
];
const worker: Permission[] = ['unit.read', 'report.work', 'analytics.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  unit_admin: ['unit.read', 'unit.manage', 'user.read', 'user.manage', 'audit.read'],
  report_owner: [...designer, 'report.enter', 'report.receive'],
  data_entry: [...worker, 'report.enter'],
  reviewer: [...worker, 'report.review'],
  approver: [...worker, 'assignment.delegate', 'report.review', 'report.approve', 'report.receive'],
  viewer: [...everyone, 'analytics.read'],
};

/** Roles whose holders have `permission` (within the scope of their grant). */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** system_admin's grants are global: its scope is every unit, whatever unit it was granted on. */
export const GLOBAL_ROLES: readonly Role[] = ['system_admin'];
