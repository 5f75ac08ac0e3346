import { describe, expect, it } from 'vitest';
import { openReportLabel, receivesFor } from './access.ts';

const grant = (role: 'report_owner' | 'data_entry' | 'approver' | 'viewer', unitId: string) => ({
  id: `g-${role}-${unitId}`,
  role,
  unitId,
  unitName: unitId,
  includeSubtree: false,
});

describe('receivesFor', () => {
  it("offers the receiver's buttons to a report owner or leader of the receiving unit", () => {
    expect(receivesFor({ isSystemAdmin: false, grants: [grant('report_owner', 'so-tc')] }, 'so-tc')).toBe(true);
    expect(receivesFor({ isSystemAdmin: false, grants: [grant('approver', 'so-tc')] }, 'so-tc')).toBe(true);
  });

  it('not to a data-entry officer or a viewer, nor on another unit', () => {
    expect(receivesFor({ isSystemAdmin: false, grants: [grant('data_entry', 'so-tc')] }, 'so-tc')).toBe(false);
    expect(receivesFor({ isSystemAdmin: false, grants: [grant('viewer', 'so-tc')] }, 'so-tc')).toBe(false);
    expect(receivesFor({ isSystemAdmin: false, grants: [grant('report_owner', 'xa-a')] }, 'so-tc')).toBe(false);
    expect(receivesFor({ isSystemAdmin: true, grants: [] }, 'so-tc')).toBe(true);
  });
});

describe('openReportLabel', () => {
  it('says "Nhập báo cáo" before the unit started, "Mở báo cáo" after', () => {
    expect(openReportLabel('not_started')).toBe('Nhập báo cáo');
    expect(openReportLabel('in_progress')).toBe('Mở báo cáo');
    expect(openReportLabel('sent')).toBe('Mở báo cáo');
  });
});
