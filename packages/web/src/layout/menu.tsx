import type { ReactNode } from 'react';
import {
  AppstoreOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  DatabaseOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FormOutlined,
  GlobalOutlined,
  HomeOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SecurityScanOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Permission } from '@baocao/core';

export interface ModuleInfo {
  path: string;
  label: string;
  icon: ReactNode;
  description: string;
  /** Shown only to those who hold it on some unit; absent: shown to everyone. */
  permission?: Permission;
}

/** Working pages: the user's tasks first, then reporting regimes, reference data and form design. */
export const DATA_MODULES: ModuleInfo[] = [
  {
    path: '/viec-can-lam',
    label: 'Việc cần làm',
    icon: <CheckSquareOutlined aria-hidden />,
    permission: 'report.work',
    description: 'Các báo cáo đơn vị phải thực hiện, theo hạn gửi gần nhất; giao tiếp cho đơn vị trực thuộc.',
  },
  {
    path: '/bao-cao',
    label: 'Báo cáo',
    icon: <FileTextOutlined aria-hidden />,
    permission: 'report.work',
    description: 'Báo cáo của đơn vị theo kỳ: nhập liệu, kiểm tra, trình duyệt, gửi; trả lại và đính chính.',
  },
  {
    path: '/tiep-nhan',
    label: 'Tiếp nhận báo cáo',
    icon: <InboxOutlined aria-hidden />,
    permission: 'report.receive',
    description: 'Báo cáo các đơn vị gửi cho đơn vị mình: tiếp nhận, trả lại kèm lý do, ghi nhận báo cáo nhận ngoài hệ thống.',
  },
  {
    path: '/che-do-bao-cao',
    label: 'Chế độ báo cáo',
    icon: <ScheduleOutlined aria-hidden />,
    permission: 'regime.manage',
    description: 'Chế độ báo cáo định kỳ, chuyên đề, đột xuất; kỳ báo cáo, thời gian chốt số liệu và thời hạn gửi.',
  },
  {
    path: '/chi-tieu',
    label: 'Kho chỉ tiêu',
    icon: <UnorderedListOutlined aria-hidden />,
    description: 'Bộ chỉ tiêu, định nghĩa, phương pháp tính, phân tổ, kỳ báo cáo; nhập, xuất Excel.',
  },
  {
    path: '/danh-muc',
    label: 'Danh mục',
    icon: <DatabaseOutlined aria-hidden />,
    description: 'Danh mục dùng chung và danh mục chuyên ngành, lịch sử chỉnh sửa.',
  },
  {
    path: '/bieu-mau',
    label: 'Biểu mẫu',
    icon: <FormOutlined aria-hidden />,
    description: 'Thiết kế biểu mẫu báo cáo số liệu; kho báo cáo mẫu.',
  },
  {
    path: '/chung-thu-so',
    label: 'Chứng thư số',
    icon: <SafetyCertificateOutlined aria-hidden />,
    description: 'Chứng thư số của cá nhân và của đơn vị dùng để ký báo cáo; chứng thư gốc được tin cậy.',
  },
  {
    path: '/xac-thuc-chu-ky',
    label: 'Xác thực chữ ký số',
    icon: <SecurityScanOutlined aria-hidden />,
    description: 'Kiểm tra chữ ký số trên văn bản PDF hoặc trên tệp kèm chữ ký rời (.p7s).',
  },
  // Analytics: figures of accepted reports, timeliness of reporting, dashboards, the public portal.
  {
    path: '/khai-thac',
    label: 'Khai thác dữ liệu',
    icon: <BarChartOutlined aria-hidden />,
    permission: 'analytics.read',
    description: 'Bảng tổng hợp động (pivot), biểu đồ và kết xuất số liệu các báo cáo đã tiếp nhận, trong phạm vi được giao.',
  },
  {
    path: '/tinh-hinh-bao-cao',
    label: 'Tình hình gửi báo cáo',
    icon: <FieldTimeOutlined aria-hidden />,
    permission: 'analytics.read',
    description: 'Thống kê đúng hạn, muộn, không gửi, bị trả lại, đính chính; xếp hạng đơn vị theo năm.',
  },
  {
    path: '/bang-dieu-khien',
    label: 'Bảng điều khiển',
    icon: <DashboardOutlined aria-hidden />,
    permission: 'analytics.read',
    description: 'Chỉ số chính và biểu đồ của đơn vị, cập nhật ngay khi báo cáo được tiếp nhận.',
  },
  {
    path: '/cong-khai-du-lieu',
    label: 'Công khai thông tin',
    icon: <GlobalOutlined aria-hidden />,
    permission: 'analytics.manage',
    description: 'Chọn bộ số liệu công khai cho người dân, doanh nghiệp; cập nhật hằng tháng tại trang /cong-khai.',
  },
];

/** Modules of later phases: shown in the menu, marked "Đang xây dựng". */
export const PLANNED_MODULES: ModuleInfo[] = [
  {
    path: '/tong-hop',
    label: 'Tổng hợp',
    icon: <AppstoreOutlined aria-hidden />,
    description: 'Tổng hợp số liệu từ các đơn vị cấp dưới và theo dõi tình hình gửi báo cáo.',
  },
];

export interface AdminModule extends ModuleInfo {
  permission: Permission;
  /** What the module offers to those who may only read. */
  readDescription?: string;
  managePermission?: Permission;
}

export const ADMIN_MODULES: AdminModule[] = [
  {
    path: '/don-vi',
    label: 'Đơn vị',
    icon: <ApartmentOutlined aria-hidden />,
    permission: 'unit.read',
    managePermission: 'unit.manage',
    description: 'Cây đơn vị, cơ quan; thêm, sửa, chuyển, ngừng hoạt động đơn vị.',
    readDescription: 'Xem cây đơn vị, cơ quan trong phạm vi được giao và lịch sử thay đổi.',
  },
  {
    path: '/tai-khoan',
    label: 'Tài khoản',
    icon: <TeamOutlined aria-hidden />,
    permission: 'user.read',
    managePermission: 'user.manage',
    readDescription: 'Xem tài khoản người dùng, vai trò và phạm vi đơn vị được giao.',
    description: 'Tạo, sửa, khóa tài khoản; giao vai trò và phạm vi đơn vị; đặt lại mật khẩu.',
  },
  {
    path: '/lich-lam-viec',
    label: 'Lịch làm việc',
    icon: <CalendarOutlined aria-hidden />,
    permission: 'unit.read',
    managePermission: 'calendar.manage',
    description: 'Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù dùng để tính thời hạn gửi báo cáo; thêm, sửa ngày điều chỉnh.',
    readDescription: 'Xem ngày nghỉ lễ, Tết, nghỉ bù, ngày làm bù và số ngày làm việc trong năm.',
  },
  {
    path: '/nhat-ky',
    label: 'Nhật ký hệ thống',
    icon: <AuditOutlined aria-hidden />,
    permission: 'audit.read',
    description: 'Ai đã làm gì, lúc nào, từ đâu; kiểm tra toàn vẹn nhật ký.',
  },
];

export const HOME_ICON = <HomeOutlined aria-hidden />;
export const ADMIN_ICON = <SettingOutlined aria-hidden />;
