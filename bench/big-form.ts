/**
 * The large table forms the benches measure: 20 sections × `groups` groups × `items` input rows with
 * SUM(CHILDREN) totals, and the usual columns (plan, this period, year to date, same period last
 * year, a percentage) followed by `extraColumns`.
 */
import type { FormInput } from '../packages/core/src/forms/index.ts';

type RowInput = NonNullable<FormInput['rows']>[number];
type ColumnInput = NonNullable<FormInput['columns']>[number];

export function benchForm(opts: { name: string; code: string; groups: number; items: number; extraColumns: ColumnInput[] }): FormInput {
  const rows: RowInput[] = [];
  for (let s = 1; s <= 20; s++) {
    const groups: RowInput[] = [];
    for (let g = 1; g <= opts.groups; g++) {
      const items: RowInput[] = [];
      for (let i = 1; i <= opts.items; i++)
        items.push({ id: `R${s}_${g}_${i}`, code: `R${s}_${g}_${i}`, name: `Chỉ tiêu ${s}.${g}.${i}`, kind: 'input' });
      groups.push({
        id: `R${s}_${g}`,
        code: `R${s}_${g}`,
        name: `Nhóm ${s}.${g}`,
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: items,
      });
    }
    rows.push({ id: `R${s}`, code: `R${s}`, name: `Phần ${s}`, kind: 'computed', formula: 'SUM(CHILDREN)', children: groups });
  }
  return {
    name: opts.name,
    code: opts.code,
    rows,
    columns: [
      { code: 'KH', name: 'Kế hoạch năm' },
      {
        kind: 'group',
        name: 'Thực hiện',
        children: [
          { code: 'KN', name: 'Kỳ này' },
          { code: 'LK', name: 'Lũy kế', kind: 'computed', formula: 'YTD(KN)' },
        ],
      },
      { code: 'CK', name: 'Cùng kỳ năm trước' },
      { code: 'SS', name: 'So sánh (%)', kind: 'computed', formula: 'ROUND(PERCENT(KN, CK), 2)' },
      ...opts.extraColumns,
    ],
  };
}
