import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, CloudServerOutlined, EditOutlined } from '@ant-design/icons';
import { ASSIGNMENT_STATUS_LABELS, PERIOD_STATE_LABELS, TIMELINESS_LABELS, formatIsoDate, type AssignmentDetail } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useAssignment, useDelegateMutation } from '../../api/regimes.ts';
import { useRecordOutOfBand } from '../../api/reports.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { openReportLabel, receivesFor } from '../reports/access.ts';
import { TransitionDialog } from '../reports/TransitionDialog.tsx';
import { useOpenReportAction } from '../reports/useOpenReport.ts';
import { PageTitle } from '../../shared/Page.tsx';
import {
  ASSIGNMENT_STATUS_COLORS,
  formatDeadline,
  formatLocalDeadline,
  formatWindow,
  PERIOD_STATE_COLORS,
  TIMELINESS_COLORS,
  vnDateTimeOf,
} from '../regimes/format.ts';
import { AssignmentsTable, FormList, LoadedPage } from '../regimes/parts.tsx';
import { UnitTreeMultiSelect } from '../regimes/UnitTreeMultiSelect.tsx';
import { DeadlineInput } from '../regimes/wizard/fields.tsx';
import { childDeadlineDefault } from './delegation.ts';

/** One unit's assignment for one period: details, forms, what it passed down, and passing it down. */
export function AssignmentPage({ id }: { id: string }) {
  const { data, error } = useAssignment(id);
  return (
    <LoadedPage
      data={data}
      error={error}
      failedTitle="Không mở được báo cáo được giao"
      back={<Link to="/viec-can-lam">Về Việc cần làm</Link>}
    >
      {(a) => <AssignmentView a={a} />}
    </LoadedPage>
  );
}

function AssignmentView({ a }: { a: AssignmentDetail }) {
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [delegating, setDelegating] = useState(false);
  const [recording, setRecording] = useState(false);
  const report = useOpenReportAction();
  const outOfBand = useRecordOutOfBand();
  const extended = a.deadlineAt !== a.originalDeadlineAt;
  const receiver = receivesFor(me, a.receivingUnitId);
  // The unit's own people open the report; the receiving unit opens it once it was sent.
  const canOpen = a.status !== 'cancelled' && (receiver ? a.status !== 'not_started' : hasPermission(me, 'report.work'));
  const canRecordOutOfBand = receiver && ['not_started', 'in_progress', 'returned'].includes(a.status) && a.periodState !== 'closed';
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
            {canRecordOutOfBand && (
              <Button icon={<CloudServerOutlined aria-hidden />} onClick={() => setRecording(true)}>
                Ghi nhận nhận ngoài hệ thống
              </Button>
            )}
            {canOpen && (
              <Button
                type="primary"
                icon={<EditOutlined aria-hidden />}
                loading={report.openingId === a.id}
                onClick={() => void report.open(a.id)}
              >
                {receiver ? 'Mở báo cáo' : openReportLabel(a.status)}
              </Button>
            )}
            {a.canDelegate && a.periodState !== 'closed' && (
              <Button icon={<ApartmentOutlined aria-hidden />} onClick={() => setDelegating(true)}>
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
              <FormList forms={a.forms} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={`Đã giao tiếp cho đơn vị trực thuộc (${a.children.length})`}>
            <AssignmentsTable assignments={a.children} testId="assignment-children" />
          </Card>
        </Col>
      </Row>
      {delegating && <DelegateModal a={a} onClose={() => setDelegating(false)} />}
      {recording && (
        <TransitionDialog
          title={`Ghi nhận báo cáo của ${a.unitName} nhận ngoài hệ thống`}
          okText="Ghi nhận"
          needs={['receivedAt', 'evidence']}
          intro="Dùng khi hệ thống gặp sự cố và đơn vị đã gửi báo cáo bằng thư điện tử hoặc hệ thống quản lý văn bản. Thời điểm nhận được dùng để tính đúng hạn; đơn vị bổ sung số liệu vào hệ thống sau."
          onSubmit={async ({ receivedAt, evidence }) => {
            await outOfBand.mutateAsync({ assignmentId: a.id, receivedAt: receivedAt!, evidence: evidence! });
            message.success(`Đã ghi nhận báo cáo của ${a.unitName} nhận ngoài hệ thống.`);
            return true;
          }}
          onClose={() => setRecording(false)}
        />
      )}
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
  const suggested = childDeadlineDefault(a);
  const [v, setV] = useState<DelegateValues>({
    unitIds: [],
    deadlineDate: suggested.date,
    deadlineTime: suggested.time,
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
          extra={
            <>
              {a.suggestedChildDeadline && (
                <div data-testid="delegate-suggested-deadline">
                  Theo thời hạn cấp dưới của chế độ báo cáo: {a.suggestedChildDeadline.label} (
                  {formatLocalDeadline(a.suggestedChildDeadline.date, a.suggestedChildDeadline.time)}).
                </div>
              )}
              <div>
                Sau ngày kết thúc chốt số liệu {formatIsoDate(a.windowEnd)} và trước hạn của đơn vị mình {formatDeadline(a.deadlineAt)}.
              </div>
            </>
          }
          required
        >
          <DeadlineInput
            id="delegate-date"
            date={v.deadlineDate}
            time={v.deadlineTime}
            status={status('deadlineDate')}
            onChange={({ date, time }) => setV({ ...v, deadlineDate: date, deadlineTime: time })}
          />
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
