import { describe, expect, it } from 'vitest';
import type { AssignmentSummary } from '@baocao/core';
import { assignmentTree } from './assignmentTree.ts';

function a(id: string, unitName: string, parentAssignmentId: string | null): AssignmentSummary {
  return {
    id,
    regimePeriodId: 'p',
    parentAssignmentId,
    level: parentAssignmentId ? 1 : 0,
    unitId: `u-${id}`,
    unitName,
    receivingUnitId: 'r',
    receivingUnitName: 'Văn phòng UBND tỉnh',
    deadlineAt: '2026-12-16T10:00:00Z',
    originalDeadlineAt: '2026-12-16T10:00:00Z',
    status: 'not_started',
    timeliness: 'pending',
    sentAt: null,
    childCount: 0,
    version: 1,
  };
}

describe('assignmentTree', () => {
  it('nests delegated assignments under their parent, sorted by Vietnamese name; orphans become roots', () => {
    const tree = assignmentTree([
      a('2', 'Sở Tài chính', null),
      a('1', 'Sở Giáo dục và Đào tạo', null),
      a('3', 'Phòng Ngân sách', '2'),
      a('4', 'Phòng Đầu tư', '2'),
      a('5', 'Đơn vị ngoài phạm vi', 'missing'),
    ]);
    expect(tree.map((n) => n.unitName)).toEqual(['Đơn vị ngoài phạm vi', 'Sở Giáo dục và Đào tạo', 'Sở Tài chính']);
    expect(tree[2]!.children?.map((n) => n.unitName)).toEqual(['Phòng Đầu tư', 'Phòng Ngân sách']);
    expect(tree[1]!.children).toBeUndefined();
  });
});
