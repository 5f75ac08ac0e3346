import type { FormInput, OutlineInput } from '@baocao/core';
import type { Db } from '../db/client.ts';
import type { AuthedContext } from '../modules/access/index.ts';
import { createForm, publishDraft, shareForm } from '../modules/forms/index.ts';

/**
 * The demo's template library: the monthly budget form of Sở Tài chính, published and shared with
 * every unit, so that a newcomer sees a real form in the designer, the preview and the library.
 */
export function budgetReportForm(): FormInput {
  const money = (id: string, code: string, name: string, indicatorCode?: string) => ({
    id,
    code,
    name,
    unit: 'Triệu đồng',
    kind: 'input' as const,
    ...(indicatorCode ? { indicatorCode } : {}),
  });
  return {
    name: 'Tình hình thu, chi ngân sách nhà nước trên địa bàn',
    code: '01/TC-NS',
    fieldGroup: 'Tài chính - Ngân sách',
    legalBasis: 'Luật Ngân sách nhà nước 2015; Nghị định 09/2019/NĐ-CP',
    note: 'Số liệu tháng báo cáo; lũy kế từ đầu năm đến hết tháng báo cáo.',
    rows: [
      {
        id: 'thu',
        code: 'THU',
        name: 'Tổng thu ngân sách nhà nước trên địa bàn',
        unit: 'Triệu đồng',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: [
          {
            id: 'thu-nd',
            code: 'THU_ND',
            name: 'Thu nội địa',
            unit: 'Triệu đồng',
            kind: 'computed',
            formula: 'SUM(CHILDREN)',
            children: [
              money('dnnn', 'DNNN', 'Thu từ doanh nghiệp nhà nước'),
              money('fdi', 'FDI', 'Thu từ doanh nghiệp có vốn đầu tư nước ngoài'),
              money('nqd', 'NQD', 'Thu từ khu vực kinh tế ngoài quốc doanh'),
              money('tncn', 'TNCN', 'Thuế thu nhập cá nhân'),
              money('sdd', 'SDD', 'Thu tiền sử dụng đất'),
            ],
          },
          money('thu-xnk', 'THU_XNK', 'Thu từ hoạt động xuất nhập khẩu'),
        ],
      },
      {
        id: 'chi',
        code: 'CHI',
        name: 'Tổng chi ngân sách địa phương',
        unit: 'Triệu đồng',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: [money('chi-dtpt', 'CHI_DTPT', 'Chi đầu tư phát triển'), money('chi-tx', 'CHI_TX', 'Chi thường xuyên')],
      },
    ],
    columns: [
      { code: 'DT', name: 'Dự toán năm' },
      {
        kind: 'group',
        name: 'Thực hiện',
        children: [
          { code: 'TH', name: 'Tháng báo cáo', checks: ['non_negative'] },
          { code: 'LK', name: 'Lũy kế từ đầu năm', kind: 'computed', formula: 'YTD(TH)' },
        ],
      },
      {
        kind: 'group',
        name: 'So sánh (%)',
        children: [
          { code: 'SS_DT', name: 'Lũy kế so với dự toán', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(LK, DT)' },
          { code: 'CK', name: 'Cùng kỳ năm trước', kind: 'computed', formula: 'SAMEPERIOD_LASTYEAR(LK)' },
          { code: 'SS_CK', name: 'Lũy kế so với cùng kỳ', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(LK, CK)' },
        ],
      },
    ],
    constraints: [
      {
        id: 'lk-khong-vuot',
        expression: 'LK <= DT * 2',
        message: 'Lũy kế thực hiện vượt quá hai lần dự toán năm: hãy kiểm tra lại số liệu hoặc giải trình.',
        severity: 'warning',
        scope: { kind: 'column', col: 'LK' },
      },
    ],
  };
}

/** The narrative template that goes with the monthly socio-economic report (ND 09/2019 Art. 7 k9). */
export function monthlyOutline(): OutlineInput {
  return {
    name: 'Đề cương báo cáo tình hình kinh tế - xã hội hằng tháng',
    code: 'ĐC-01/KTXH',
    fieldGroup: 'Tổng hợp',
    legalBasis: 'Nghị định 09/2019/NĐ-CP',
    sections: [
      {
        id: 'ket-qua',
        title: 'Tình hình thực hiện nhiệm vụ trong tháng',
        required: true,
        children: [
          { id: 'kinh-te', title: 'Về kinh tế', guidance: 'Sản xuất, thương mại, dịch vụ, thu chi ngân sách trên địa bàn.' },
          { id: 'xa-hoi', title: 'Về văn hóa - xã hội', guidance: 'Giáo dục, y tế, lao động, việc làm, an sinh xã hội.' },
          { id: 'qp-an', title: 'Về quốc phòng, an ninh, trật tự an toàn xã hội' },
        ],
      },
      { id: 'ton-tai', title: 'Tồn tại, hạn chế và nguyên nhân', required: true },
      { id: 'nhiem-vu', title: 'Nhiệm vụ, giải pháp trọng tâm tháng tới', required: true },
      { id: 'kien-nghi', title: 'Đề xuất, kiến nghị' },
    ],
  };
}

export async function seedDemoForms(
  db: Db,
  ctx: AuthedContext,
  ownerUnitId: string,
): Promise<{ tableFormId: string; outlineFormId: string }> {
  const publishShared = async (kind: 'table' | 'outline', definition: FormInput | OutlineInput) => {
    const created = await createForm(db, ctx, { kind, ownerUnitId, definition });
    const published = await publishDraft(db, ctx, created.id, { revision: created.draft!.revision, note: 'Ban hành lần đầu' });
    await shareForm(db, ctx, created.id, { version: published.version, sharing: 'all', units: [] });
    return created.id;
  };
  return { tableFormId: await publishShared('table', budgetReportForm()), outlineFormId: await publishShared('outline', monthlyOutline()) };
}
