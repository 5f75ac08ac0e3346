import { useNavigate } from '@tanstack/react-router';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ASSIGNMENT_STATUS_LABELS, TIMELINESS_LABELS, type TaskItem } from '@baocao/core';
import { ASSIGNMENT_STATUS_COLORS, formatDeadline, formatWindow, TIMELINESS_COLORS } from '../regimes/format.ts';
import { openReportLabel } from '../reports/access.ts';
import { useOpenReportAction } from '../reports/useOpenReport.ts';
import '../regimes/regimes.css';

/** One item of "Việc cần làm": what, which period, the window and the deadline with its colour. */
export function TaskRow({ task, compact = false }: { task: TaskItem; compact?: boolean }) {
  const navigate = useNavigate();
  const report = useOpenReportAction();
  const open = () => void navigate({ to: '/giao-bao-cao/$id', params: { id: task.assignmentId } });
  return (
    <div
      className="task-item"
      role="link"
      tabIndex={0}
      aria-label={`${task.regimeName}, ${task.periodLabel}, hạn gửi ${formatDeadline(task.deadlineAt)}`}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      data-testid="task-item"
      style={{ padding: compact ? '8px 4px' : '12px 8px', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Text strong>{task.regimeName}</Typography.Text>{' '}
          <Typography.Text type="secondary">({task.regimeCode})</Typography.Text>
          <div>
            <Typography.Text>{task.periodLabel}</Typography.Text>
            {!compact && <Typography.Text type="secondary"> · {task.unitName}</Typography.Text>}
          </div>
          <div className="task-meta">Thời gian chốt số liệu: {formatWindow(task.windowStart, task.windowEnd)}</div>
          {!compact && (
            <div className="task-meta">
              Gửi cho: {task.receivingUnitName}
              {task.delegatedBy && <> · Giao bởi: {task.delegatedBy}</>}
              {task.forms.length > 0 && <> · Biểu mẫu: {task.forms.map((f) => f.code).join(', ')}</>}
            </div>
          )}
        </div>
        <Space orientation="vertical" size={4} align="end">
          <span>
            Hạn gửi: <strong>{formatDeadline(task.deadlineAt)}</strong>
          </span>
          <Space size={4} wrap>
            {task.extended && <Tag color="orange">Đã gia hạn</Tag>}
            <Tag color={TIMELINESS_COLORS[task.timeliness]}>{TIMELINESS_LABELS[task.timeliness]}</Tag>
            {!compact && <Tag color={ASSIGNMENT_STATUS_COLORS[task.status]}>{ASSIGNMENT_STATUS_LABELS[task.status]}</Tag>}
          </Space>
          {task.status !== 'cancelled' && (
            <Button
              type="primary"
              size={compact ? 'small' : 'middle'}
              icon={<EditOutlined aria-hidden />}
              loading={report.openingId === task.assignmentId}
              // The row itself opens the assignment: the button must not also trigger it.
              onClick={(e) => {
                e.stopPropagation();
                void report.open(task.assignmentId);
              }}
              onKeyDown={(e) => e.stopPropagation()}
            >
              {openReportLabel(task.status)}
            </Button>
          )}
        </Space>
      </Flex>
    </div>
  );
}
