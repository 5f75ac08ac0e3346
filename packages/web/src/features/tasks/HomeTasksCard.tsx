import { Link } from '@tanstack/react-router';
import { Alert, Card, Empty, Flex, Spin } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { useTasks } from '../../api/regimes.ts';
import { TaskRow } from './TaskRow.tsx';

const SHOWN = 5;

/** The home page's "Việc cần làm": the five most urgent open tasks. */
export function HomeTasksCard() {
  const { data, error, isLoading } = useTasks('open');
  const items = data?.items ?? [];
  return (
    <Card
      title="Việc cần làm"
      data-testid="home-tasks"
      extra={
        <Link to="/viec-can-lam">
          Xem tất cả{items.length > SHOWN ? ` (${items.length})` : ''} <RightOutlined aria-hidden />
        </Link>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có báo cáo nào đang chờ thực hiện." />
      ) : (
        items.slice(0, SHOWN).map((t) => <TaskRow key={t.assignmentId} task={t} compact />)
      )}
    </Card>
  );
}
