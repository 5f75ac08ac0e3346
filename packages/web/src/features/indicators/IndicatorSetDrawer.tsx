import { useEffect, useMemo, useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Input, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndicatorSetDetail } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useIndicatorList, useIndicatorSet, useIndicatorSetMutation } from '../../api/indicators.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { IndicatorSetFormModal } from './IndicatorSetFormModal.tsx';

interface Row {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  active: boolean;
  position: string;
}

const dash = (v: string | null | undefined) => (v ? v : '—');

function rowsOf(set: IndicatorSetDetail): Row[] {
  return set.members.map((m) => ({
    code: m.code,
    name: m.name,
    unitOfMeasure: m.unitOfMeasure,
    active: m.active,
    position: m.position ?? '',
  }));
}

function sameRows(a: Row[], b: Row[]): boolean {
  return a.length === b.length && a.every((r, i) => r.code === b[i]!.code && r.position.trim() === b[i]!.position.trim());
}

/** A set (bộ chỉ tiêu): its information and its ordered indicators, editable by who manages it. */
export function IndicatorSetDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const { data: set, error, isLoading } = useIndicatorSet(id);
  const mutation = useIndicatorSetMutation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [editingInfo, setEditingInfo] = useState(false);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Row[]>([]);
  const q = useDebounced(search.trim());
  const candidates = useIndicatorList({ q: q || undefined, page: 1, pageSize: 30 }, !!set?.canManage);
  const [issues, setIssues] = useState<string[]>([]);

  // The editable copy starts from the server's list and follows it after each save.
  useEffect(() => {
    if (set) setRows(rowsOf(set));
  }, [set]);

  const saved = useMemo(() => (set ? rowsOf(set) : []), [set]);
  const current = rows ?? saved;
  const dirty = !!set && !sameRows(current, saved);
  const editable = !!set?.canManage;
  const inSet = new Set(current.map((r) => r.code));

  const move = (index: number, delta: number) =>
    setRows((rs) => {
      const next = [...(rs ?? saved)];
      const target = index + delta;
      if (target < 0 || target >= next.length) return next;
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
  const remove = (index: number) => setRows((rs) => (rs ?? saved).filter((_, i) => i !== index));
  const setPosition = (index: number, position: string) =>
    setRows((rs) => (rs ?? saved).map((r, i) => (i === index ? { ...r, position } : r)));

  /** Keeps what was picked in earlier searches: the options only hold the latest search's indicators. */
  const pick = (codes: string[]) => {
    const found = candidates.data?.items ?? [];
    setPicked(
      codes
        .map((code) => picked.find((p) => p.code === code) ?? found.find((i) => i.code === code))
        .filter((i) => i !== undefined)
        .map((i) => ({ code: i.code, name: i.name, unitOfMeasure: i.unitOfMeasure, active: i.active, position: '' })),
    );
  };

  const add = () => {
    setRows([...current, ...picked.filter((p) => !inSet.has(p.code))]);
    setPicked([]);
    setSearch('');
  };

  const save = async () => {
    if (!set) return;
    setIssues([]);
    try {
      await mutation.mutateAsync({
        kind: 'members',
        id: set.id,
        body: { members: current.map((r) => ({ indicatorCode: r.code, position: r.position.trim() || null })) },
      });
      message.success('Đã lưu danh sách chỉ tiêu của bộ.');
    } catch (e) {
      if (isApiError(e, 'VALIDATION_FAILED') && e.issues.length) setIssues(e.issues.map((i) => i.message));
      else message.error(errorMessage(e));
    }
  };

  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({
      title: 'Bỏ các thay đổi chưa lưu?',
      content: 'Danh sách chỉ tiêu của bộ đã được sửa nhưng chưa lưu.',
      okText: 'Bỏ thay đổi',
      cancelText: 'Quay lại',
      onOk: onClose,
    });
  };

  return (
    <Drawer
      open
      size={900}
      onClose={close}
      title={set ? `${set.code} – ${set.name}` : 'Bộ chỉ tiêu'}
      data-testid="indicator-set-drawer"
      extra={
        editable && (
          <Space>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditingInfo(true)}>
              Sửa thông tin
            </Button>
            <Button onClick={() => setRows(saved)} disabled={!dirty}>
              Hoàn tác
            </Button>
            <Button type="primary" onClick={() => void save()} loading={mutation.isPending} disabled={!dirty}>
              Lưu danh sách
            </Button>
          </Space>
        )
      }
    >
      {isLoading && <Spin />}
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      {set && (
        <>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 200 } }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Mã bộ chỉ tiêu">{set.code}</Descriptions.Item>
            <Descriptions.Item label="Tên bộ chỉ tiêu">{set.name}</Descriptions.Item>
            <Descriptions.Item label="Cơ quan chủ trì">{set.ownerUnitName ?? 'Bộ chỉ tiêu chung'}</Descriptions.Item>
            <Descriptions.Item label="Căn cứ pháp lý">{dash(set.legalBasis)}</Descriptions.Item>
            <Descriptions.Item label="Mô tả">
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{dash(set.description)}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {editable && (
            <Flex gap={8} style={{ marginBottom: 12 }}>
              <Select
                mode="multiple"
                aria-label="Thêm chỉ tiêu vào bộ"
                placeholder="Tìm chỉ tiêu theo mã hoặc tên để thêm vào bộ (gõ có dấu hoặc không dấu)"
                style={{ flex: 1 }}
                value={picked.map((p) => p.code)}
                onChange={pick}
                loading={candidates.isFetching}
                showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
                notFoundContent={candidates.isFetching ? <Spin size="small" /> : 'Không có chỉ tiêu phù hợp.'}
                options={[
                  ...picked.filter((p) => !candidates.data?.items.some((i) => i.code === p.code)),
                  ...(candidates.data?.items ?? []),
                ].map((i) => ({
                  value: i.code,
                  label: `${i.code} – ${i.name}`,
                  disabled: inSet.has(i.code),
                }))}
                data-testid="indicator-set-add"
              />
              <Button icon={<PlusOutlined aria-hidden />} onClick={add} disabled={picked.length === 0}>
                Thêm vào bộ
              </Button>
            </Flex>
          )}
          {issues.length > 0 && (
            <Typography.Paragraph type="danger" role="alert">
              {issues.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Typography.Paragraph>
          )}
          {dirty && <Typography.Paragraph type="warning">Danh sách đã thay đổi, bấm “Lưu danh sách” để ghi lại.</Typography.Paragraph>}
          <Table<Row>
            data-testid="indicator-set-members"
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={current}
            locale={{ emptyText: 'Bộ chỉ tiêu chưa có chỉ tiêu nào.' }}
            columns={[
              { title: 'TT', key: 'index', width: 50, render: (_: unknown, __: Row, i: number) => i + 1 },
              {
                title: 'Số thứ tự trong bộ',
                dataIndex: 'position',
                width: 140,
                render: (v: string, _: Row, i: number) =>
                  editable ? (
                    <Input
                      size="small"
                      value={v}
                      maxLength={50}
                      aria-label={`Số thứ tự trong bộ của chỉ tiêu thứ ${i + 1}`}
                      onChange={(e) => setPosition(i, e.target.value)}
                    />
                  ) : (
                    dash(v)
                  ),
              },
              { title: 'Mã số', dataIndex: 'code', width: 120 },
              {
                title: 'Tên chỉ tiêu',
                dataIndex: 'name',
                render: (n: string, r: Row) => (
                  <>
                    {n} {!r.active && <Tag>Hết hiệu lực</Tag>}
                  </>
                ),
              },
              { title: 'Đơn vị tính', dataIndex: 'unitOfMeasure', width: 110, render: (v: string | null) => dash(v) },
              ...(editable
                ? [
                    {
                      title: 'Thao tác',
                      key: 'actions',
                      width: 120,
                      render: (_: unknown, r: Row, i: number) => (
                        <Space size={2}>
                          <Tooltip title="Lên trên">
                            <Button
                              size="small"
                              type="text"
                              icon={<ArrowUpOutlined />}
                              aria-label={`Chuyển ${r.code} lên trên`}
                              disabled={i === 0}
                              onClick={() => move(i, -1)}
                            />
                          </Tooltip>
                          <Tooltip title="Xuống dưới">
                            <Button
                              size="small"
                              type="text"
                              icon={<ArrowDownOutlined />}
                              aria-label={`Chuyển ${r.code} xuống dưới`}
                              disabled={i === current.length - 1}
                              onClick={() => move(i, 1)}
                            />
                          </Tooltip>
                          <Tooltip title="Bỏ khỏi bộ">
                            <Button
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={`Bỏ ${r.code} khỏi bộ`}
                              onClick={() => remove(i)}
                            />
                          </Tooltip>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {editingInfo && set && <IndicatorSetFormModal set={set} onClose={() => setEditingInfo(false)} />}
    </Drawer>
  );
}
