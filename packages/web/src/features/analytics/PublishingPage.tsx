import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, ExportOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import type { PublishedDataset } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { type PublishAction, usePublishedList, usePublishMutation } from '../../api/dashboards.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { formatAt } from '../reports/format.ts';
import { formatMonth } from './figures.ts';
import { PublishDatasetDialog } from './PublishDatasetDialog.tsx';
import './analytics-pages.css';

/** "Công khai thông tin": datasets published on the public portal (/cong-khai), refreshed every month. */
export function PublishingPage() {
  const { message } = App.useApp();
  const { data, error, isLoading } = usePublishedList();
  const mutation = usePublishMutation();
  const [publishing, setPublishing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const rows = [...(data ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || b.publishedAt.localeCompare(a.publishedAt));

  const run = async (action: PublishAction & { id: string }, done: string) => {
    setBusy(`${action.kind}:${action.id}`);
    try {
      await mutation.mutateAsync(action);
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle
        title="Công khai thông tin"
        subtitle="Bộ số liệu công khai cho người dân, doanh nghiệp; số liệu được cập nhật hằng tháng"
        extra={
          <Space wrap>
            {/* A server page, not a route of this application: a plain link opening a new tab. */}
            <Button href="/cong-khai" target="_blank" rel="noopener noreferrer" icon={<ExportOutlined aria-hidden />}>
              Xem trang công khai
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} onClick={() => setPublishing(true)}>
              Công khai bộ số liệu
            </Button>
          </Space>
        }
      />
      <Card>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
        <Table<PublishedDataset>
          data-testid="published-table"
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `${t} bộ số liệu` } : false}
          scroll={{ x: 960 }}
          locale={{ emptyText: 'Chưa có bộ số liệu nào được công khai.' }}
          rowClassName={(d) => (d.active ? '' : 'published-inactive')}
          columns={[
            {
              title: 'Bộ số liệu',
              dataIndex: 'title',
              render: (title: string, d) => (
                <div>
                  {d.active ? (
                    <a href={`/cong-khai/${d.id}`} target="_blank" rel="noopener noreferrer">
                      {title}
                    </a>
                  ) : (
                    <Typography.Text>{title}</Typography.Text>
                  )}
                  {d.description && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                      {d.description}
                    </Typography.Paragraph>
                  )}
                </div>
              ),
            },
            { title: 'Tháng số liệu', dataIndex: 'latestSnapshot', width: 130, render: (m: string | null) => formatMonth(m) },
            {
              title: 'Công khai',
              key: 'published',
              width: 180,
              render: (_, d) => (
                <div>
                  <div>{formatAt(d.publishedAt)}</div>
                  {d.publishedByName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.publishedByName}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: 'Trạng thái',
              key: 'state',
              width: 160,
              render: (_, d) =>
                d.active ? (
                  <Tag color="green">Đang công khai</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Tag>Đã ngừng công khai</Tag>
                    {d.unpublishedAt && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        từ {formatAt(d.unpublishedAt)}
                      </Typography.Text>
                    )}
                  </Space>
                ),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 190,
              render: (_, d) =>
                d.active && (
                  <Space orientation="vertical" size={4}>
                    <Button
                      size="small"
                      icon={<ReloadOutlined aria-hidden />}
                      loading={busy === `refresh:${d.id}`}
                      onClick={() => void run({ kind: 'refresh', id: d.id }, `Đã cập nhật số liệu của “${d.title}”.`)}
                    >
                      Cập nhật số liệu
                    </Button>
                    <Popconfirm
                      title="Ngừng công khai bộ số liệu?"
                      description={
                        <div style={{ maxWidth: 320 }}>
                          Người dân sẽ không còn xem được bộ số liệu này. Bạn có thể công khai lại sau bằng một bộ số liệu mới.
                        </div>
                      }
                      okText="Ngừng công khai"
                      cancelText="Hủy"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => run({ kind: 'unpublish', id: d.id }, `Đã ngừng công khai “${d.title}”.`)}
                    >
                      <Button size="small" danger icon={<StopOutlined aria-hidden />} loading={busy === `unpublish:${d.id}`}>
                        Ngừng công khai
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {publishing && <PublishDatasetDialog onClose={() => setPublishing(false)} />}
    </>
  );
}
