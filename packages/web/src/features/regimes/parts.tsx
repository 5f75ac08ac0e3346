import { useMemo, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { Flex, Result, Space, Spin, Table, Tag } from 'antd';
import { ASSIGNMENT_STATUS_LABELS, FORM_KIND_LABELS, TIMELINESS_LABELS, type AssignmentSummary, type FormKind } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { assignmentTree, type AssignmentNode } from './assignmentTree.ts';
import { ASSIGNMENT_STATUS_COLORS, formatDeadline, TIMELINESS_COLORS } from './format.ts';

/**
 * A page behind one query: a warning with a way back when it failed, a spinner while it loads,
 * otherwise `children` with the data.
 */
export function LoadedPage<T>({
  data,
  error,
  failedTitle,
  back,
  children,
}: {
  data: T | undefined;
  error: unknown;
  /** "Không mở được …" */
  failedTitle: string;
  /** Where to go instead (a link). */
  back: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (error) {
    return <Result status="warning" title={failedTitle} subTitle={errorMessage(error)} extra={back} />;
  }
  if (data === undefined) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return <>{children(data)}</>;
}

/** The forms of a period or an assignment: "01/KHĐT – Biểu 01 … [Biểu số liệu]", one a line. */
export function FormList({ forms }: { forms: readonly { versionId: string; code: string; name: string; kind: string }[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {forms.map((f) => (
        <li key={f.versionId}>
          {f.code} – {f.name} <Tag>{FORM_KIND_LABELS[f.kind as FormKind] ?? f.kind}</Tag>
        </li>
      ))}
    </ul>
  );
}

/** A table of assignments (with their delegated children nested): unit, receiver, deadline, status. */
export function AssignmentsTable({ assignments, testId }: { assignments: readonly AssignmentSummary[]; testId?: string }) {
  const tree = useMemo(() => assignmentTree(assignments), [assignments]);
  return (
    <Table<AssignmentNode>
      data-testid={testId}
      size="small"
      rowKey="id"
      dataSource={tree}
      pagination={tree.length > 50 ? { pageSize: 50, showTotal: (t) => `${t} đơn vị` } : false}
      scroll={{ x: 900 }}
      locale={{ emptyText: 'Chưa giao cho đơn vị nào.' }}
      columns={[
        {
          title: 'Đơn vị',
          dataIndex: 'unitName',
          render: (name: string, a) => (
            <Link to="/giao-bao-cao/$id" params={{ id: a.id }}>
              {name}
            </Link>
          ),
        },
        { title: 'Gửi cho', dataIndex: 'receivingUnitName', width: 220, ellipsis: true },
        {
          title: 'Hạn gửi',
          key: 'deadline',
          width: 190,
          render: (_, a) => (
            <Space size={4} wrap>
              <span>{formatDeadline(a.deadlineAt)}</span>
              {a.deadlineAt !== a.originalDeadlineAt && <Tag color="orange">Đã gia hạn</Tag>}
            </Space>
          ),
        },
        {
          title: 'Trạng thái',
          dataIndex: 'status',
          width: 150,
          render: (s: AssignmentSummary['status']) => <Tag color={ASSIGNMENT_STATUS_COLORS[s]}>{ASSIGNMENT_STATUS_LABELS[s]}</Tag>,
        },
        {
          title: 'Tình trạng hạn',
          dataIndex: 'timeliness',
          width: 140,
          render: (t: AssignmentSummary['timeliness']) => <Tag color={TIMELINESS_COLORS[t]}>{TIMELINESS_LABELS[t]}</Tag>,
        },
        { title: 'Ngày gửi', dataIndex: 'sentAt', width: 150, render: (t: string | null) => formatDeadline(t) },
      ]}
    />
  );
}
