import type { UnitDetail, UnitKind } from '@baocao/core';

export const UNIT_EVENT_LABELS: Record<UnitDetail['events'][number]['kind'], string> = {
  created: 'Tạo đơn vị',
  updated: 'Sửa thông tin',
  moved: 'Chuyển đơn vị',
  deactivated: 'Ngừng hoạt động',
  reactivated: 'Khôi phục hoạt động',
};

export const UNIT_EVENT_COLORS: Record<UnitDetail['events'][number]['kind'], string> = {
  created: 'green',
  updated: 'blue',
  moved: 'purple',
  deactivated: 'red',
  reactivated: 'green',
};

export const UNIT_KIND_COLORS: Record<UnitKind, string> = {
  province_committee: 'red',
  committee_office: 'volcano',
  department: 'blue',
  central_agency: 'geekblue',
  commune: 'green',
  ward: 'cyan',
  special_zone: 'purple',
  division: 'default',
  organization: 'gold',
};

/** The usual kind of a new unit below a parent of this kind. */
export function defaultChildKind(parentKind: UnitKind | undefined): UnitKind {
  switch (parentKind) {
    case undefined:
      return 'province_committee';
    case 'province_committee':
      return 'department';
    default:
      return 'division';
  }
}

/** Short kind labels for the tree, where space is scarce (the full label is in a tooltip). */
export const UNIT_KIND_SHORT: Record<UnitKind, string> = {
  province_committee: 'UBND tỉnh',
  committee_office: 'VP UBND',
  department: 'Sở, ngành',
  central_agency: 'Cơ quan TW',
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
  division: 'Phòng',
  organization: 'Tổ chức, DN',
};
