import { StarFilled } from '@ant-design/icons';

/** The product mark: a gold star on the national red, and the product name. */
export function Brand({ collapsed = false, large = false }: { collapsed?: boolean; large?: boolean }) {
  return (
    <div className={`brand${large ? ' brand-large' : ''}`}>
      <span className="brand-mark" aria-hidden="true">
        <StarFilled aria-hidden />
      </span>
      {!collapsed && (
        <span className="brand-text">
          <span className="brand-title">Hệ thống thông tin báo cáo</span>
          <span className="brand-subtitle">Cổng quản trị và báo cáo</span>
        </span>
      )}
    </div>
  );
}
