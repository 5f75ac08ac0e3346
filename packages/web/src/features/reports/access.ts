import { ROLE_PERMISSIONS, type CurrentUser } from '@baocao/core';

/**
 * Whether to offer the receiving unit's buttons on a unit's assignment: the user holds a role with
 * report.receive granted on that receiving unit itself. A hint for the screen only (a grant on an
 * ancestor with its subtree is not seen here); the server decides every request.
 */
export function receivesFor(user: Pick<CurrentUser, 'isSystemAdmin' | 'grants'>, receivingUnitId: string): boolean {
  if (user.isSystemAdmin) return true;
  return user.grants.some((g) => g.unitId === receivingUnitId && ROLE_PERMISSIONS[g.role].includes('report.receive'));
}

/** The label of the button that opens a unit's report from its task: entering data for the first time, or opening it. */
export function openReportLabel(status: string): string {
  return status === 'not_started' ? 'Nhập báo cáo' : 'Mở báo cáo';
}
