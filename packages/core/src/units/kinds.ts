/** Kinds of org units (DOMAIN.md "Units"); identifiers in English, labels as users know them. */
export const UNIT_KINDS = [
  'province_committee',
  'committee_office',
  'department',
  'central_agency',
  'commune',
  'ward',
  'special_zone',
  'division',
  'organization',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province_committee: 'UBND tỉnh, thành phố',
  committee_office: 'Văn phòng UBND',
  department: 'Sở, ban, ngành',
  central_agency: 'Cơ quan Trung ương trên địa bàn',
  commune: 'UBND xã',
  ward: 'UBND phường',
  special_zone: 'UBND đặc khu',
  division: 'Phòng, đơn vị trực thuộc',
  organization: 'Tổ chức, doanh nghiệp',
};

/** Administrative units carry a statistics code: 2 digits for a province, 5 for a commune. */
export const ADMIN_CODE_LENGTH: Partial<Record<UnitKind, number>> = {
  province_committee: 2,
  commune: 5,
  ward: 5,
  special_zone: 5,
};
