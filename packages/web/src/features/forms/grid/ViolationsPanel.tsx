import { Badge, Empty, Typography } from 'antd';
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { ConstraintViolation } from '@baocao/core';

/** The list of violated constraints and checks; a click jumps to the cell. */
export function ViolationsPanel({
  violations,
  rowName,
  onJump,
}: {
  violations: ConstraintViolation[];
  rowName: (code: string) => string;
  onJump: (v: ConstraintViolation) => void;
}) {
  const errors = violations.filter((v) => v.severity === 'error').length;
  const warnings = violations.length - errors;
  return (
    <aside className="eg-panel" aria-label="Kết quả kiểm tra" data-testid="grid-violations">
      <div className="eg-panel-title">
        Kiểm tra số liệu <Badge count={errors} color="#cf1322" showZero={false} title={`${errors} lỗi`} />{' '}
        <Badge count={warnings} color="#d48806" showZero={false} title={`${warnings} cảnh báo`} />
      </div>
      {violations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có lỗi hay cảnh báo." />
      ) : (
        <ul className="eg-panel-list">
          {violations.map((v, i) => (
            <li key={`${v.constraintId}-${v.cell ?? v.row ?? v.col ?? ''}-${i}`}>
              <button type="button" className={`eg-violation eg-violation-${v.severity}`} onClick={() => onJump(v)}>
                {v.severity === 'error' ? <CloseCircleFilled aria-hidden /> : <WarningFilled aria-hidden />}
                <span>
                  <span className="eg-violation-msg">{v.message}</span>
                  {(v.row || v.col) && (
                    <Typography.Text type="secondary" className="eg-violation-where">
                      {v.row ? `Dòng ${rowName(v.row)}` : ''}
                      {v.row && v.col ? ' – ' : ''}
                      {v.col ? `cột ${v.col}` : ''}
                    </Typography.Text>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
