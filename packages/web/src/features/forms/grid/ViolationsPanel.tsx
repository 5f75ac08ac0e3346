import { memo } from 'react';
import { Badge, Empty, Input, Tag, Typography } from 'antd';
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { ConstraintViolation } from '@baocao/core';
import { hasExplanation, violationKey } from './violations.ts';

/** Violations listed; a form with thousands of broken rows lists the first ones and counts the rest. */
const SHOWN = 300;

interface Props {
  violations: ConstraintViolation[];
  rowName: (code: string) => string;
  onJump: (v: ConstraintViolation) => void;
  /** Explanations (giải trình) of warnings by violationKey; with onExplain, each warning gets a text box. */
  explanations?: Readonly<Record<string, string>>;
  onExplain?: (key: string, text: string) => void;
  /** Explanations shown but not editable. */
  readOnly?: boolean;
}

/**
 * The list of violated constraints and checks; a click jumps to the cell. When the caller collects
 * explanations, every warning has a box for it and the ones still lacking one are marked: a report
 * is sent with its errors fixed and its warnings explained.
 */
export const ViolationsPanel = memo(function ViolationsPanel({ violations, rowName, onJump, explanations, onExplain, readOnly }: Props) {
  const errors = violations.filter((v) => v.severity === 'error').length;
  const warnings = violations.length - errors;
  const explaining = onExplain !== undefined || explanations !== undefined;
  const unexplained = explaining ? violations.filter((v) => v.severity === 'warning' && !hasExplanation(v, explanations)).length : 0;
  return (
    <aside className="eg-panel" aria-label="Kết quả kiểm tra" data-testid="grid-violations">
      <div className="eg-panel-title">
        Kiểm tra số liệu <Badge count={errors} color="#cf1322" showZero={false} title={`${errors} lỗi`} />{' '}
        <Badge count={warnings} color="#d48806" showZero={false} title={`${warnings} cảnh báo`} />
      </div>
      {unexplained > 0 && (
        <Typography.Text type="warning" className="eg-panel-note" data-testid="grid-unexplained">
          {unexplained} cảnh báo chưa có giải trình.
        </Typography.Text>
      )}
      {violations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có lỗi hay cảnh báo." />
      ) : (
        <ul className="eg-panel-list">
          {violations.slice(0, SHOWN).map((v) => {
            const key = violationKey(v);
            const text = explanations?.[key] ?? '';
            const missing = explaining && v.severity === 'warning' && text.trim() === '';
            return (
              <li key={key}>
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
                    {missing && (
                      <Tag color="warning" className="eg-violation-tag">
                        Chưa giải trình
                      </Tag>
                    )}
                  </span>
                </button>
                {explaining && v.severity === 'warning' && (
                  <div className="eg-explain">
                    {onExplain && !readOnly ? (
                      <Input.TextArea
                        size="small"
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={2000}
                        value={text}
                        placeholder="Giải trình cảnh báo này…"
                        aria-label={`Giải trình: ${v.message}`}
                        onChange={(e) => onExplain(key, e.target.value)}
                      />
                    ) : text ? (
                      <Typography.Text className="eg-explain-text">Giải trình: {text}</Typography.Text>
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
          {violations.length > SHOWN && (
            <li className="eg-panel-more">
              <Typography.Text type="secondary">… và {violations.length - SHOWN} mục khác. Hãy sửa các lỗi trên trước.</Typography.Text>
            </li>
          )}
        </ul>
      )}
    </aside>
  );
});
