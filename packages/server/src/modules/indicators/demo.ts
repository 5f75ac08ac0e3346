import { type Aggregation, createCatalogBody, createIndicatorBody, type PERIODICITIES, type VALUE_TYPES } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { AuthedContext } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { createCatalog, findCatalogsByCode } from '../catalogs/index.ts';
import * as q from './queries.ts';
import { createIndicator } from './service.ts';

/**
 * Reference data of the demo: the usual disaggregation catalogs and a sample set of a province's
 * main socio-economic indicators. Idempotent: what already exists (by code) is left as it is, so it
 * can run at every start. Indicator codes are this sample's own, not official codes (higherCode
 * stays empty).
 */

const CATALOGS: { code: string; name: string; description: string; items: [code: string, name: string][] }[] = [
  {
    code: 'GIOI_TINH',
    name: 'Giới tính',
    description: 'Phân tổ theo giới tính.',
    items: [
      ['NAM', 'Nam'],
      ['NU', 'Nữ'],
    ],
  },
  {
    code: 'NHOM_TUOI',
    name: 'Nhóm tuổi',
    description: 'Ba nhóm tuổi lớn của cơ cấu dân số.',
    items: [
      ['0-14', '0–14 tuổi'],
      ['15-64', '15–64 tuổi'],
      ['65_TRO_LEN', '65 tuổi trở lên'],
    ],
  },
  {
    code: 'THANH_THI_NONG_THON',
    name: 'Thành thị/nông thôn',
    description: 'Phân tổ theo khu vực thành thị, nông thôn.',
    items: [
      ['THANH_THI', 'Thành thị'],
      ['NONG_THON', 'Nông thôn'],
    ],
  },
  {
    code: 'LOAI_HINH_KINH_TE',
    name: 'Loại hình kinh tế',
    description: 'Phân tổ theo loại hình kinh tế (khu vực sở hữu).',
    items: [
      ['NHA_NUOC', 'Nhà nước'],
      ['NGOAI_NHA_NUOC', 'Ngoài nhà nước'],
      ['FDI', 'Có vốn đầu tư trực tiếp nước ngoài'],
    ],
  },
  {
    code: 'NGANH_KINH_TE',
    name: 'Ngành kinh tế (VSIC 2018, cấp 1)',
    description: 'Các ngành cấp 1 của Hệ thống ngành kinh tế Việt Nam 2018 (Quyết định 27/2018/QĐ-TTg).',
    items: [
      ['A', 'Nông nghiệp, lâm nghiệp và thủy sản'],
      ['B', 'Khai khoáng'],
      ['C', 'Công nghiệp chế biến, chế tạo'],
      ['D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí'],
      ['E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải'],
      ['F', 'Xây dựng'],
      ['G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác'],
      ['H', 'Vận tải kho bãi'],
      ['I', 'Dịch vụ lưu trú và ăn uống'],
      ['J', 'Thông tin và truyền thông'],
      ['K', 'Hoạt động tài chính, ngân hàng và bảo hiểm'],
      ['L', 'Hoạt động kinh doanh bất động sản'],
      ['M', 'Hoạt động chuyên môn, khoa học và công nghệ'],
      ['N', 'Hoạt động hành chính và dịch vụ hỗ trợ'],
      ['O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; đảm bảo xã hội bắt buộc'],
      ['P', 'Giáo dục và đào tạo'],
      ['Q', 'Y tế và hoạt động trợ giúp xã hội'],
      ['R', 'Nghệ thuật, vui chơi và giải trí'],
      ['S', 'Hoạt động dịch vụ khác'],
      ['T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình'],
      ['U', 'Hoạt động của các tổ chức và cơ quan quốc tế'],
    ],
  },
];

export const DEMO_SET_CODE = 'KTXH_TINH_MAU';
const DEMO_SET_NAME = 'Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)';

type P = (typeof PERIODICITIES)[number];
const YEAR: P[] = ['year'];
const QUARTERLY: P[] = ['quarter', 'half_year', 'nine_months', 'year'];
const MONTHLY: P[] = ['month', 'quarter', 'half_year', 'nine_months', 'year'];

interface Seed {
  code: string;
  name: string;
  fieldGroup: string;
  unitOfMeasure: string;
  valueType: (typeof VALUE_TYPES)[number];
  aggregation: Aggregation;
  weightIndicatorCode?: string;
  periodicities: P[];
  disaggregations?: string[];
  priceBasis?: 'current' | 'comparable';
  baseYear?: number;
  definition?: string;
  calculationMethod?: string;
}

const TKQG = 'Tài khoản quốc gia';
const DS = 'Dân số, lao động';
const NS = 'Tài chính, ngân sách';
const TM = 'Thương mại, giá cả, du lịch';
const DT = 'Đầu tư, doanh nghiệp';
const SX = 'Sản xuất';
const XH = 'Y tế, giáo dục, xã hội';
const MT = 'Môi trường, trật tự an toàn xã hội';

/** Weighting indicators (population, households, schools) come first: weighted averages refer to them. */
const INDICATORS: Seed[] = [
  {
    code: 'DS_TB',
    name: 'Dân số trung bình',
    fieldGroup: DS,
    unitOfMeasure: 'Người',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: YEAR,
    disaggregations: ['GIOI_TINH', 'THANH_THI_NONG_THON'],
    definition: 'Số lượng dân số tính bình quân cho cả một thời kỳ, thường là một năm.',
    calculationMethod: 'Bình quân số học của dân số đầu kỳ và cuối kỳ; hoặc bình quân các thời điểm có khoảng cách bằng nhau trong kỳ.',
  },
  {
    code: 'SO_HO',
    name: 'Số hộ dân cư',
    fieldGroup: DS,
    unitOfMeasure: 'Hộ',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: YEAR,
    disaggregations: ['THANH_THI_NONG_THON'],
  },
  {
    code: 'SO_TRUONG_PT',
    name: 'Số trường học phổ thông',
    fieldGroup: XH,
    unitOfMeasure: 'Trường',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: YEAR,
  },
  {
    code: 'GRDP_TT',
    name: 'Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)',
    fieldGroup: TKQG,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: QUARTERLY,
    priceBasis: 'comparable',
    baseYear: 2010,
    definition: 'Mức tăng (giảm) của tổng sản phẩm trên địa bàn theo giá so sánh của kỳ báo cáo so với cùng kỳ năm trước.',
    calculationMethod: '(GRDP theo giá so sánh kỳ báo cáo / GRDP theo giá so sánh cùng kỳ năm trước) × 100 − 100.',
  },
  {
    code: 'GRDP_HH',
    name: 'Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành',
    fieldGroup: TKQG,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: QUARTERLY,
    disaggregations: ['NGANH_KINH_TE', 'LOAI_HINH_KINH_TE'],
    priceBasis: 'current',
    definition: 'Giá trị mới của hàng hóa và dịch vụ được tạo ra của nền kinh tế trên địa bàn trong một khoảng thời gian nhất định.',
    calculationMethod: 'Tổng giá trị tăng thêm theo giá cơ bản của các ngành kinh tế cộng thuế sản phẩm trừ trợ cấp sản phẩm.',
  },
  {
    code: 'GRDP_SS',
    name: 'Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh',
    fieldGroup: TKQG,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: QUARTERLY,
    disaggregations: ['NGANH_KINH_TE'],
    priceBasis: 'comparable',
    baseYear: 2010,
  },
  {
    code: 'GRDP_BQ',
    name: 'Tổng sản phẩm trên địa bàn (GRDP) bình quân đầu người',
    fieldGroup: TKQG,
    unitOfMeasure: 'Triệu đồng/người',
    valueType: 'number',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: YEAR,
    priceBasis: 'current',
    calculationMethod: 'GRDP theo giá hiện hành trong năm / Dân số trung bình trong năm.',
  },
  {
    code: 'CO_CAU_GRDP',
    name: 'Cơ cấu tổng sản phẩm trên địa bàn theo khu vực kinh tế',
    fieldGroup: TKQG,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: YEAR,
    priceBasis: 'current',
    calculationMethod: 'Giá trị tăng thêm của từng khu vực kinh tế / GRDP theo giá hiện hành × 100.',
  },
  {
    code: 'TL_TANG_DS_TN',
    name: 'Tỷ lệ tăng dân số tự nhiên',
    fieldGroup: DS,
    unitOfMeasure: '‰',
    valueType: 'number',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: YEAR,
    calculationMethod: 'Tỷ suất sinh thô trừ tỷ suất chết thô trong năm.',
  },
  {
    code: 'TS_GT_KHI_SINH',
    name: 'Tỷ số giới tính khi sinh',
    fieldGroup: DS,
    unitOfMeasure: 'Số bé trai/100 bé gái',
    valueType: 'number',
    aggregation: 'none',
    periodicities: YEAR,
    calculationMethod: '(Số bé trai sinh ra sống trong kỳ / Số bé gái sinh ra sống trong kỳ) × 100.',
  },
  {
    code: 'LLLD_15',
    name: 'Lực lượng lao động từ 15 tuổi trở lên',
    fieldGroup: DS,
    unitOfMeasure: 'Người',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: ['quarter', 'year'],
    disaggregations: ['GIOI_TINH', 'THANH_THI_NONG_THON', 'NHOM_TUOI'],
    definition: 'Những người từ 15 tuổi trở lên có việc làm hoặc thất nghiệp trong thời kỳ tham chiếu.',
  },
  {
    code: 'LD_TAO_VIEC_LAM',
    name: 'Số lao động được tạo việc làm',
    fieldGroup: DS,
    unitOfMeasure: 'Người',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: QUARTERLY,
    disaggregations: ['GIOI_TINH'],
  },
  {
    code: 'TL_THAT_NGHIEP',
    name: 'Tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi lao động',
    fieldGroup: DS,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: ['quarter', 'year'],
    disaggregations: ['GIOI_TINH', 'THANH_THI_NONG_THON'],
    calculationMethod: '(Số người thất nghiệp trong độ tuổi lao động / Lực lượng lao động trong độ tuổi lao động) × 100.',
  },
  {
    code: 'TL_HO_NGHEO',
    name: 'Tỷ lệ hộ nghèo',
    fieldGroup: XH,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'SO_HO',
    periodicities: YEAR,
    disaggregations: ['THANH_THI_NONG_THON'],
    definition: 'Tỷ lệ phần trăm số hộ nghèo theo chuẩn nghèo đa chiều hiện hành trong tổng số hộ dân cư.',
    calculationMethod: '(Số hộ nghèo / Tổng số hộ dân cư) × 100.',
  },
  {
    code: 'THU_NSNN',
    name: 'Thu ngân sách nhà nước trên địa bàn',
    fieldGroup: NS,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
    definition:
      'Toàn bộ các khoản thu ngân sách nhà nước phát sinh trên địa bàn, gồm thu nội địa, thu từ dầu thô, thu từ hoạt động xuất khẩu, nhập khẩu và các khoản thu khác.',
  },
  {
    code: 'THU_NOI_DIA',
    name: 'Thu nội địa',
    fieldGroup: NS,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'THU_XNK',
    name: 'Thu từ hoạt động xuất khẩu, nhập khẩu',
    fieldGroup: NS,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'CHI_NSDP',
    name: 'Chi ngân sách địa phương',
    fieldGroup: NS,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'CHI_DTPT',
    name: 'Chi đầu tư phát triển',
    fieldGroup: NS,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'BAN_LE_DV',
    name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    fieldGroup: TM,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    disaggregations: ['LOAI_HINH_KINH_TE'],
    priceBasis: 'current',
  },
  {
    code: 'CPI',
    name: 'Chỉ số giá tiêu dùng (CPI)',
    fieldGroup: TM,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: MONTHLY,
    definition:
      'Chỉ tiêu tương đối phản ánh xu hướng và mức độ biến động giá theo thời gian của các mặt hàng trong rổ hàng hóa, dịch vụ tiêu dùng đại diện.',
  },
  {
    code: 'XK_HH',
    name: 'Kim ngạch xuất khẩu hàng hóa',
    fieldGroup: TM,
    unitOfMeasure: 'Triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    disaggregations: ['LOAI_HINH_KINH_TE'],
  },
  {
    code: 'NK_HH',
    name: 'Kim ngạch nhập khẩu hàng hóa',
    fieldGroup: TM,
    unitOfMeasure: 'Triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    disaggregations: ['LOAI_HINH_KINH_TE'],
  },
  {
    code: 'KHACH_DL',
    name: 'Tổng lượt khách du lịch',
    fieldGroup: TM,
    unitOfMeasure: 'Lượt người',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: MONTHLY,
  },
  {
    code: 'VDT_TXH',
    name: 'Vốn đầu tư thực hiện toàn xã hội',
    fieldGroup: DT,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: QUARTERLY,
    disaggregations: ['LOAI_HINH_KINH_TE', 'NGANH_KINH_TE'],
    priceBasis: 'current',
    definition: 'Toàn bộ tiền vốn bỏ ra để tăng cường, bổ sung tài sản cố định và tài sản lưu động trong một thời kỳ nhất định.',
  },
  {
    code: 'VDT_NSNN',
    name: 'Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước',
    fieldGroup: DT,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'FDI_DK',
    name: 'Vốn đầu tư trực tiếp nước ngoài đăng ký',
    fieldGroup: DT,
    unitOfMeasure: 'Triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    definition: 'Vốn đăng ký cấp mới, điều chỉnh tăng thêm và góp vốn, mua cổ phần của nhà đầu tư nước ngoài.',
  },
  {
    code: 'DN_THANH_LAP',
    name: 'Số doanh nghiệp thành lập mới',
    fieldGroup: DT,
    unitOfMeasure: 'Doanh nghiệp',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: MONTHLY,
    disaggregations: ['NGANH_KINH_TE'],
    definition: 'Số doanh nghiệp được cấp Giấy chứng nhận đăng ký doanh nghiệp lần đầu trong kỳ.',
  },
  {
    code: 'VON_DK_DN_MOI',
    name: 'Vốn đăng ký của doanh nghiệp thành lập mới',
    fieldGroup: DT,
    unitOfMeasure: 'Tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: MONTHLY,
    priceBasis: 'current',
  },
  {
    code: 'IIP',
    name: 'Chỉ số sản xuất công nghiệp (IIP)',
    fieldGroup: SX,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: MONTHLY,
    definition: 'Chỉ tiêu tương đối phản ánh tình hình biến động khối lượng sản phẩm công nghiệp sản xuất của kỳ báo cáo so với kỳ gốc.',
  },
  {
    code: 'SL_LUONG_THUC',
    name: 'Sản lượng lương thực có hạt',
    fieldGroup: SX,
    unitOfMeasure: 'Tấn',
    valueType: 'number',
    aggregation: 'sum',
    periodicities: ['half_year', 'year'],
  },
  {
    code: 'TL_BHYT',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    fieldGroup: XH,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: ['half_year', 'year'],
    calculationMethod: '(Số người tham gia bảo hiểm y tế / Dân số) × 100.',
  },
  {
    code: 'GIUONG_BENH_10K',
    name: 'Số giường bệnh trên 10.000 dân',
    fieldGroup: XH,
    unitOfMeasure: 'Giường',
    valueType: 'number',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: YEAR,
    calculationMethod: '(Tổng số giường bệnh / Dân số trung bình) × 10.000.',
  },
  {
    code: 'BAC_SI_10K',
    name: 'Số bác sĩ trên 10.000 dân',
    fieldGroup: XH,
    unitOfMeasure: 'Bác sĩ',
    valueType: 'number',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: YEAR,
    calculationMethod: '(Tổng số bác sĩ / Dân số trung bình) × 10.000.',
  },
  {
    code: 'TL_TRUONG_CHUAN',
    name: 'Tỷ lệ trường đạt chuẩn quốc gia',
    fieldGroup: XH,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'SO_TRUONG_PT',
    periodicities: YEAR,
    calculationMethod: '(Số trường đạt chuẩn quốc gia / Tổng số trường) × 100.',
  },
  {
    code: 'TL_DO_THI_HOA',
    name: 'Tỷ lệ đô thị hóa',
    fieldGroup: DS,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'DS_TB',
    periodicities: YEAR,
    calculationMethod: '(Dân số thành thị / Tổng dân số) × 100.',
  },
  {
    code: 'TL_XA_NTM',
    name: 'Tỷ lệ xã đạt chuẩn nông thôn mới',
    fieldGroup: SX,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: YEAR,
    calculationMethod: '(Số xã đạt chuẩn nông thôn mới / Tổng số xã) × 100.',
  },
  {
    code: 'TL_CHE_PHU_RUNG',
    name: 'Tỷ lệ che phủ rừng',
    fieldGroup: MT,
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'none',
    periodicities: YEAR,
    calculationMethod: '(Diện tích rừng hiện có / Tổng diện tích đất tự nhiên) × 100.',
  },
  {
    code: 'TAI_NAN_GT',
    name: 'Số vụ tai nạn giao thông',
    fieldGroup: MT,
    unitOfMeasure: 'Vụ',
    valueType: 'integer',
    aggregation: 'sum',
    periodicities: MONTHLY,
  },
];

export interface SeedReferenceResult {
  catalogsCreated: number;
  indicatorsCreated: number;
  setCreated: boolean;
}

/** Creates the demo catalogs, the sample indicator set and its indicators; skips what exists. */
export async function seedReferenceData(db: Db, ctx: AuthedContext): Promise<SeedReferenceResult> {
  const result: SeedReferenceResult = { catalogsCreated: 0, indicatorsCreated: 0, setCreated: false };
  const existingCatalogs = new Set((await findCatalogsByCode(db)).map((c) => c.code));
  for (const c of CATALOGS) {
    if (existingCatalogs.has(c.code)) continue;
    await createCatalog(
      db,
      ctx,
      createCatalogBody.parse({
        code: c.code,
        name: c.name,
        description: c.description,
        items: c.items.map(([code, name]) => ({ code, name })),
      }),
    );
    result.catalogsCreated++;
  }

  let [set] = await q.setsByCode(db, [DEMO_SET_CODE]);
  if (!set) {
    set = await db.transaction(async (tx) => {
      const created = await q.insertSet(tx, {
        code: DEMO_SET_CODE,
        name: DEMO_SET_NAME,
        legalBasis: 'Luật Thống kê số 89/2015/QH13',
        description: 'Bộ chỉ tiêu mẫu để minh họa; mã chỉ tiêu là mã riêng của bộ mẫu, không phải mã chính thức.',
      });
      await recordAudit(tx, ctx, {
        action: 'indicator.set_created',
        targetType: 'indicator_set',
        targetId: created.id,
        summary: { code: DEMO_SET_CODE },
      });
      return created;
    });
    result.setCreated = true;
  }

  const existing = new Map(
    (
      await q.indicatorsByCode(
        db,
        INDICATORS.map((i) => i.code),
      )
    ).map((i) => [i.code, i]),
  );
  for (const seed of INDICATORS) {
    const found = existing.get(seed.code);
    if (found) {
      await q.addMember(db, set.id, found.id);
      continue;
    }
    await createIndicator(db, ctx, createIndicatorBody.parse({ ...seed, setCodes: [DEMO_SET_CODE] }));
    result.indicatorsCreated++;
  }
  return result;
}
