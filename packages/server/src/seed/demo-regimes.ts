import { type RegimeContentInput, regimeContent, vnToday } from '@baocao/core';
import type { AuthedContext } from '../modules/access/index.ts';
import { createRegime, publishDraft, type RegimeDeps } from '../modules/regimes/service.ts';

/**
 * The demo's regime in force: every commune, ward and special zone reports the state budget
 * monthly to Sở Tài chính, with the budget form and the monthly outline, from the day of the first
 * start — so the scheduler opens the current period at once and each commune has a task.
 */
export async function seedDemoRegime(
  deps: RegimeDeps,
  ctx: AuthedContext,
  ids: { ownerUnitId: string; receivingUnitId: string; provinceUnitId: string; tableFormId: string; outlineFormId: string },
): Promise<string> {
  const content: RegimeContentInput = {
    name: 'Báo cáo tình hình thu, chi ngân sách nhà nước cấp xã hằng tháng',
    content:
      'Tình hình thu, chi ngân sách nhà nước trên địa bàn xã, phường, đặc khu trong tháng và lũy kế từ đầu năm; đánh giá, kiến nghị.',
    contentKind: 'both',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24', issuer: 'Chính phủ' },
    reportingUnits: { mode: 'by_kind', rootUnitId: ids.provinceUnitId, kinds: ['commune', 'ward', 'special_zone'], includeSubtree: true },
    receivingUnitId: ids.receivingUnitId,
    sendingMethods: ['phan_mem'],
    windowMode: 'cutoff',
    deadlines: [{ label: 'UBND cấp xã gửi Sở Tài chính', rule: { kind: 'day_of_month', monthOffset: 0, day: 18, time: '17:00' } }],
    frequency: 'month',
    outlineFormId: ids.outlineFormId,
    formIds: [ids.tableFormId],
    guidance: 'Nhập số liệu vào biểu 01/TC-NS, viết báo cáo thuyết minh theo đề cương, trình lãnh đạo UBND ký số rồi gửi trên Hệ thống.',
    effectiveFrom: vnToday(deps.clock.now()),
  };
  const created = await createRegime(deps, ctx, {
    ownerUnitId: ids.ownerUnitId,
    code: 'NS-XA-THANG',
    content: regimeContent.parse(content),
  });
  await publishDraft(deps, ctx, created.id, { revision: created.draft!.revision, note: 'Ban hành lần đầu' });
  return created.id;
}
