import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import {
  ASSIGNMENT_STATUS_LABELS,
  FORM_KIND_LABELS,
  PERIOD_STATE_LABELS,
  TIMELINESS_LABELS,
  formatIsoDate,
  type AssignmentDetail,
  type FormKind,
} from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useAssignment, useDelegateMutation } from '../../api/regimes.ts';
import { PageTitle } from '../../shared/Page.tsx';
import {
  addDaysIso,
  ASSIGNMENT_STATUS_COLORS,
  formatDeadline,
  formatWindow,
  PERIOD_STATE_COLORS,
  TIMELINESS_COLORS,
  vnDateTimeOf,
} from '../regimes/format.ts';
import { AssignmentsTable } from '../regimes/PeriodPage.tsx';
import { UnitTreeMultiSelect } from '../regimes/UnitTreeMultiSelect.tsx';
import { DateInput, TimeInput } from '../regimes/wizard/fields.tsx';

/** One unit's assignment for one period: details, forms, what it passed down, and passing it down. */
export function AssignmentPage({ id }: { id: string }) {
  const { data, error } = useAssignment(id);
  if (error) {
    return (
      <Result
        status="warning"
        title="Không mở được báo cáo được giao"
        subTitle={errorMessage(error)}
        extra={<Link to="/viec-can-lam">Về Việc cần làm</Link>}
      />
    );
  }
  if (!data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return <AssignmentView a={data} />;
}

function AssignmentView({ a }: { a: AssignmentDetail }) {
  const [delegating, setDelegating] = useState(false);
  const extended = a.deadlineAt !== a.originalDeadlineAt;
  return (
    <>
      <PageTitle
        title={`${a.regimeName} – ${a.periodLabel}`}
        subtitle={
          <Space size={8} wrap>
            <span>
              {a.regimeCode} · {a.unitName}
            </span>
            <Tag color={ASSIGNMENT_STATUS_COLORS[a.status]}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Tag>
            <Tag color={TIMELINESS_COLORS[a.timeliness]}>{TIMELINESS_LABELS[a.timeliness]}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/viec-can-lam">
              <Button>Về Việc cần làm</Button>
            </Link>
            {a.canDelegate && a.periodState !== 'closed' && (
              <Button type="primary" icon={<ApartmentOutlined aria-hidden />} onClick={() => setDelegating(true)}>
                Giao tiếp cho đơn vị trực thuộc
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="Thông tin báo cáo được giao">
            <Descriptions bordered size="small" column={1} styles={{ label: { width: 220 } }} data-testid="assignment-info">
              <Descriptions.Item label="Chế độ báo cáo">
                {a.regimeName} ({a.regimeCode})
              </Descriptions.Item>
              <Descriptions.Item label="Kỳ báo cáo">
                {a.periodLabel} <Tag color={PERIOD_STATE_COLORS[a.periodState]}>{PERIOD_STATE_LABELS[a.periodState]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="Thời gian chốt số liệu">{formatWindow(a.windowStart, a.windowEnd)}</Descriptions.Item>
              <Descriptions.Item label="Hạn gửi">
                <Space size={4} wrap>
                  <strong>{formatDeadline(a.deadlineAt)}</strong>
                  {extended && <Tag color="orange">Đã gia hạn (hạn ban đầu {formatDeadline(a.originalDeadlineAt)})</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="Đơn vị thực hiện">{a.unitName}</Descriptions.Item>
              <Descriptions.Item label="Gửi cho">{a.receivingUnitName}</Descriptions.Item>
              {a.sentAt && <Descriptions.Item label="Đã gửi lúc">{formatDeadline(a.sentAt)}</Descriptions.Item>}
              {a.note && <Descriptions.Item label="Ghi chú khi giao">{a.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="Biểu mẫu báo cáo" data-testid="assignment-forms">
            {a.forms.length === 0 ? (
              <Typography.Text type="secondary">Chế độ báo cáo không có biểu mẫu số liệu.</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {a.forms.map((f) => (
                  <li key={f.versionId}>
                    {f.code} – {f.name} <Tag>{FORM_KIND_LABELS[f.kind as FormKind] ?? f.kind}</Tag>
                  </li>
                ))}
              </ul>
            )}
            <Alert style={{ marginTop: 12 }} type="info" showIcon title="Nhập liệu báo cáo sẽ có ở phân hệ Báo cáo." />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={`Đã giao tiếp cho đơn vị trực thuộc (${a.children.length})`}>
            <AssignmentsTable assignments={a.children} testId="assignment-children" />
          </Card>
        </Col>
      </Row>
      {delegating && <DelegateModal a={a} onClose={() => setDelegating(false)} />}
    </>
  );
}

interface DelegateValues {
  unitIds: string[];
  deadlineDate: string;
  deadlineTime: string;
  formVersionIds: string[];
  note: string;
}

function DelegateModal({ a, onClose }: { a: AssignmentDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const mutation = useDelegateMutation(a.id);
  const own = vnDateTimeOf(a.deadlineAt);
  // A day before the unit's own deadline, but after the window closes: the usual room for consolidating.
  const suggested = addDaysIso(own.date, -1) > a.windowEnd ? addDaysIso(own.date, -1) : '';
  const [v, setV] = useState<DelegateValues>({
    unitIds: [],
    deadlineDate: suggested,
    deadlineTime: own.time,
    formVersionIds: a.forms.map((f) => f.versionId),
    note: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof DelegateValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    const next: typeof errors = {};
    if (v.unitIds.length === 0) next.unitIds = 'Chọn ít nhất một đơn vị.';
    if (!v.deadlineDate) next.deadlineDate = 'Chọn hạn gửi cho đơn vị trực thuộc.';
    else if (`${v.deadlineDate} ${v.deadlineTime}` >= `${own.date} ${own.time}`) {
      next.deadlineDate = `Hạn giao tiếp phải trước hạn gửi của đơn vị mình (${formatDeadline(a.deadlineAt)}).`;
    }
    if (a.forms.length > 0 && v.formVersionIds.length === 0) next.formVersionIds = 'Chọn ít nhất một biểu mẫu.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    try {
      await mutation.mutateAsync({
        unitIds: v.unitIds,
        deadlineDate: v.deadlineDate,
        deadlineTime: v.deadlineTime,
        formVersionIds: v.formVersionIds.length === a.forms.length ? undefined : v.formVersionIds,
        note: v.note.trim() || null,
      });
      message.success(`Đã giao tiếp cho ${v.unitIds.length} đơn vị.`);
      onClose();
    } catch (e) {
      if (isApiError(e, 'DELEGATE_NOT_SUBUNIT')) setErrors({ unitIds: errorMessage(e) });
      else if (isApiError(e, 'DELEGATE_DEADLINE_TOO_LATE') || isApiError(e, 'DEADLINE_TOO_EARLY'))
        setErrors({ deadlineDate: errorMessage(e) });
      else setFormError(errorMessage(e));
    }
  };

  const status = (k: keyof DelegateValues) => (errors[k] ? 'error' : undefined);
  return (
    <Modal
      open
      width={640}
      title="Giao tiếp cho đơn vị trực thuộc"
      okText="Giao"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        Các đơn vị được chọn sẽ thực hiện báo cáo và gửi cho {a.unitName} trước hạn dưới đây; {a.unitName} tổng hợp rồi gửi{' '}
        {a.receivingUnitName} trước {formatDeadline(a.deadlineAt)}.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      <Form layout="vertical" component="div">
        <Form.Item label="Đơn vị trực thuộc" htmlFor="delegate-units" validateStatus={status('unitIds')} help={errors.unitIds} required>
          <UnitTreeMultiSelect
            id="delegate-units"
            withinUnitId={a.unitId}
            value={v.unitIds}
            status={status('unitIds')}
            onChange={(unitIds) => setV({ ...v, unitIds })}
            placeholder="Chọn đơn vị, phòng ban trực thuộc"
          />
        </Form.Item>
        <Form.Item
          label="Hạn gửi"
          htmlFor="delegate-date"
          validateStatus={status('deadlineDate')}
          help={errors.deadlineDate}
          extra={`Sau ngày kết thúc chốt số liệu ${formatIsoDate(a.windowEnd)} và trước hạn của đơn vị mình ${formatDeadline(a.deadlineAt)}.`}
          required
        >
          <Space.Compact>
            <div style={{ width: 170 }}>
              <DateInput
                id="delegate-date"
                value={v.deadlineDate}
                status={status('deadlineDate')}
                onChange={(deadlineDate) => setV({ ...v, deadlineDate })}
              />
            </div>
            <TimeInput aria-label="Giờ" value={v.deadlineTime} onChange={(deadlineTime) => setV({ ...v, deadlineTime })} />
          </Space.Compact>
        </Form.Item>
        {a.forms.length > 0 && (
          <Form.Item label="Biểu mẫu giao" validateStatus={status('formVersionIds')} help={errors.formVersionIds} required>
            <Checkbox.Group
              aria-label="Biểu mẫu giao"
              value={v.formVersionIds}
              onChange={(ids) => setV({ ...v, formVersionIds: ids as string[] })}
            >
              <Space orientation="vertical">
                {a.forms.map((f) => (
                  <Checkbox key={f.versionId} value={f.versionId}>
                    {f.code} – {f.name}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item label="Ghi chú" htmlFor="delegate-note">
          <Input.TextArea
            id="delegate-note"
            value={v.note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setV({ ...v, note: e.target.value })}
            placeholder="VD: Các phòng tổng hợp số liệu lĩnh vực mình phụ trách."
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
