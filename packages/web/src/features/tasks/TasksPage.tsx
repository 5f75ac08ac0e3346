import { useState } from 'react';
import { Alert, Card, Empty, Flex, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { TIMELINESS_LABELS } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useTasks, type TaskInclude } from '../../api/regimes.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { TIMELINESS_COLORS } from '../regimes/format.ts';
import { TaskRow } from './TaskRow.tsx';

/** "Việc cần làm": the reports the user's units must send, soonest deadline first. */
export function TasksPage() {
  const [include, setInclude] = useState<TaskInclude>('open');
  const { data, error, isLoading, isFetching } = useTasks(include);
  const items = data?.items ?? [];
  const overdue = items.filter((t) => t.timeliness === 'overdue').length;
  const dueSoon = items.filter((t) => t.timeliness === 'due_soon').length;

  return (
    <>
      <PageTitle
        title="Việc cần làm"
        subtitle="Các báo cáo đơn vị bạn phải thực hiện, sắp xếp theo hạn gửi gần nhất"
        extra={
          <Segmented<TaskInclude>
            aria-label="Hiển thị"
            value={include}
            onChange={setInclude}
            options={[
              { value: 'open', label: 'Chưa hoàn thành' },
              { value: 'all', label: 'Tất cả' },
            ]}
          />
        }
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      {(overdue > 0 || dueSoon > 0) && (
        <Space style={{ marginBottom: 12 }} wrap>
          {overdue > 0 && (
            <Tag color={TIMELINESS_COLORS.overdue}>
              {TIMELINESS_LABELS.overdue}: {overdue}
            </Tag>
          )}
          {dueSoon > 0 && (
            <Tag color={TIMELINESS_COLORS.due_soon}>
              {TIMELINESS_LABELS.due_soon} (trong {data?.dueSoonDays ?? 3} ngày): {dueSoon}
            </Tag>
          )}
        </Space>
      )}
      <Card data-testid="tasks-list">
        {isLoading ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Empty
            description={
              include === 'open' ? 'Không có báo cáo nào đang chờ thực hiện.' : 'Chưa có báo cáo nào được giao cho đơn vị của bạn.'
            }
          />
        ) : (
          <>
            {isFetching && <Spin size="small" style={{ float: 'right' }} />}
            <Typography.Text type="secondary">{items.length} báo cáo</Typography.Text>
            {items.map((t) => (
              <TaskRow key={t.assignmentId} task={t} />
            ))}
          </>
        )}
      </Card>
    </>
  );
}
