import { Badge, Empty, Typography } from 'antd';
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { DesignerProblem } from './problems.ts';

/** Every problem of the design; a click jumps to the row, column or constraint. */
export function ProblemsList({ problems, onJump }: { problems: DesignerProblem[]; onJump: (p: DesignerProblem) => void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <aside className="designer-problems" aria-label="Các vấn đề của biểu mẫu" data-testid="designer-problems">
      <div className="eg-panel-title">
        Kiểm tra thiết kế <Badge count={errors} color="#cf1322" /> <Badge count={problems.length - errors} color="#d48806" />
      </div>
      {problems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không phát hiện vấn đề. Biểu mẫu có thể ban hành." />
      ) : (
        <ul className="eg-panel-list">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className={`eg-violation eg-violation-${p.severity}`} onClick={() => onJump(p)}>
                {p.severity === 'error' ? <CloseCircleFilled aria-hidden /> : <WarningFilled aria-hidden />}
                <span className="eg-violation-msg">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Bấm vào một vấn đề để đến dòng, cột hoặc ràng buộc liên quan.
      </Typography.Text>
    </aside>
  );
}
