import { useMemo, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { AppstoreOutlined, ClockCircleOutlined, InboxOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { PERIOD_STATE_LABELS, todayInVietnam, type RegimePeriodDetail } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { usePeriod, usePeriodMutation } from '../../api/regimes.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import {
  formatDeadline,
  formatLocalDeadline,
  formatWindow,
  PERIOD_STATE_COLORS,
  progressPercent,
  progressText,
  vnDateTimeOf,
} from './format.ts';
import { DeadlineInput } from './wizard/fields.tsx';
import { AssignmentsTable, FormList, LoadedPage } from './parts.tsx';
import './regimes.css';

type PeriodEvent = RegimePeriodDetail['events'][number];

const EVENT_LABELS: Record<PeriodEvent['kind'], string> = {
  opened: 'Mở kỳ báo cáo',
  closed: 'Đóng kỳ báo cáo',
  reopened: 'Mở lại kỳ báo cáo',
  extended: 'Gia hạn',
  delegated: 'Giao tiếp cho đơn vị trực thuộc',
  reminded: 'Nhắc hạn',
};
const EVENT_COLORS: Record<PeriodEvent['kind'], string> = {
  opened: 'blue',
  closed: 'gray',
  reopened: 'blue',
  extended: 'orange',
  delegated: 'green',
  reminded: 'gray',
};

/** One period of a regime: window, deadlines, state, events and the assignment tree; extend, close, reopen. */
export function PeriodPage({ id }: { id: string }) {
  const { data, error } = usePeriod(id);
  return (
    <LoadedPage
      data={data}
      error={error}
      failedTitle="Không mở được kỳ báo cáo"
      back={<Link to="/che-do-bao-cao">Về danh sách chế độ báo cáo</Link>}
    >
      {(period) => <PeriodView period={period} />}
    </LoadedPage>
  );
}

function PeriodView({ period: p }: { period: RegimePeriodDetail }) {
  const { message, modal } = App.useApp();
  const mutation = usePeriodMutation();
  // Whoever receives reports (the owner, a receiving officer) follows the period's arrivals and figures.
  const receiver = hasPermission(useCurrentUser(), 'report.receive');
  const [extending, setExtending] = useState(false);
  // The confirm dialog's content is not re-rendered: keep the typed reason outside React state.
  const closeReason = useRef('');

  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) {
      message.error('Kỳ báo cáo vừa được người khác thay đổi. Đã tải lại dữ liệu, vui lòng thử lại.');
      return;
    }
    message.error(errorMessage(e));
  };

  const close = () => {
    closeReason.current = '';
    modal.confirm({
      title: 'Đóng kỳ báo cáo?',
      content: (
        <>
          <Typography.Paragraph>Sau khi đóng, các đơn vị không gửi được báo cáo của kỳ này nữa (có thể mở lại).</Typography.Paragraph>
          <label htmlFor="period-close-reason">Lý do (không bắt buộc)</label>
          <Input.TextArea
            id="period-close-reason"
            maxLength={2000}
            autoSize={{ minRows: 2 }}
            onChange={(e) => (closeReason.current = e.target.value)}
          />
        </>
      ),
      okText: 'Đóng kỳ',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await mutation.mutateAsync({ kind: 'close', id: p.id, body: { version: p.version, reason: closeReason.current.trim() || null } });
          message.success('Đã đóng kỳ báo cáo.');
        } catch (e) {
          onError(e);
        }
      },
    });
  };

  const reopen = () =>
    modal.confirm({
      title: 'Mở lại kỳ báo cáo?',
      content: 'Các đơn vị chưa gửi sẽ gửi được báo cáo của kỳ này trở lại.',
      okText: 'Mở lại',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await mutation.mutateAsync({ kind: 'reopen', id: p.id, body: { version: p.version } });
          message.success('Đã mở lại kỳ báo cáo.');
        } catch (e) {
          onError(e);
        }
      },
    });

  const events = [...p.events].sort((a, b) => (a.at < b.at ? -1 : 1));

  return (
    <>
      <PageTitle
        title={`${p.regimeName} – ${p.label}`}
        subtitle={
          <Space size={8} wrap>
            <Link to="/che-do-bao-cao/$id" params={{ id: p.regimeId }}>
              {p.regimeCode}
            </Link>
            <Tag color={PERIOD_STATE_COLORS[p.state]}>{PERIOD_STATE_LABELS[p.state]}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {receiver && (
              <Link to="/ky-bao-cao/$id/tiep-nhan" params={{ id: p.id }}>
                <Button icon={<InboxOutlined aria-hidden />}>Tiếp nhận</Button>
              </Link>
            )}
            {receiver && (
              <Link to="/ky-bao-cao/$id/tong-hop" params={{ id: p.id }}>
                <Button icon={<AppstoreOutlined aria-hidden />}>Tổng hợp</Button>
              </Link>
            )}
            {p.canManage && p.state !== 'closed' && (
              <Button icon={<ClockCircleOutlined aria-hidden />} onClick={() => setExtending(true)}>
                Gia hạn
              </Button>
            )}
            {p.canManage && p.state !== 'closed' && (
              <Button icon={<LockOutlined aria-hidden />} onClick={close}>
                Đóng kỳ
              </Button>
            )}
            {p.canManage && p.state === 'closed' && (
              <Button type="primary" icon={<UnlockOutlined aria-hidden />} onClick={reopen}>
                Mở lại
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="Thông tin kỳ báo cáo">
            <Descriptions bordered size="small" column={1} styles={{ label: { width: 240 } }} data-testid="period-info">
              <Descriptions.Item label="Kỳ báo cáo">{p.label}</Descriptions.Item>
              <Descriptions.Item label="Thời gian chốt số liệu">{formatWindow(p.windowStart, p.windowEnd)}</Descriptions.Item>
              {p.deadlines.map((d, i) => (
                <Descriptions.Item key={i} label={`Hạn gửi cấp ${i + 1}: ${d.label}`}>
                  {formatLocalDeadline(d.date, d.time)}
                </Descriptions.Item>
              ))}
              {p.deadlines.length === 0 && <Descriptions.Item label="Hạn gửi">{formatDeadline(p.deadlineAt)}</Descriptions.Item>}
              <Descriptions.Item label="Mở kỳ lúc">{formatDeadline(p.openedAt)}</Descriptions.Item>
              {p.closedAt && <Descriptions.Item label="Đóng kỳ lúc">{formatDeadline(p.closedAt)}</Descriptions.Item>}
              <Descriptions.Item label="Tiến độ">
                <Space orientation="vertical" size={0} style={{ width: '100%', maxWidth: 360 }}>
                  <span>{progressText(p.counts, p.total)}</span>
                  <Progress percent={progressPercent(p.counts, p.total)} size="small" />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="Biểu mẫu">{p.forms.length ? <FormList forms={p.forms} /> : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="Diễn biến" data-testid="period-events">
            {events.length === 0 ? (
              <Typography.Text type="secondary">Chưa có sự kiện nào.</Typography.Text>
            ) : (
              <Timeline
                items={events.map((e) => ({
                  color: EVENT_COLORS[e.kind],
                  title: formatDeadline(e.at),
                  content: (
                    <>
                      <strong>{EVENT_LABELS[e.kind]}</strong>
                      {e.actorName && <span> · {e.actorName}</span>}
                      {e.kind === 'extended' && e.newDeadlineAt && (
                        <div>
                          Hạn gửi: {e.oldDeadlineAt ? `${formatDeadline(e.oldDeadlineAt)} → ` : ''}
                          {formatDeadline(e.newDeadlineAt)}
                        </div>
                      )}
                      {e.unitNames.length > 0 && (
                        <div>
                          <Typography.Text type="secondary">
                            {e.unitNames.slice(0, 5).join('; ')}
                            {e.unitNames.length > 5 ? ` và ${e.unitNames.length - 5} đơn vị khác` : ''}
                          </Typography.Text>
                        </div>
                      )}
                      {e.reason && <div>Lý do: {e.reason}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Các đơn vị được giao">
            <AssignmentsTable assignments={p.assignments} testId="period-assignments" />
          </Card>
        </Col>
      </Row>
      {extending && <ExtendModal period={p} onClose={() => setExtending(false)} onError={onError} />}
    </>
  );
}

interface ExtendValues {
  scope: 'all' | 'some';
  unitIds: string[];
  deadlineDate: string;
  deadlineTime: string;
  reason: string;
}

function ExtendModal({ period: p, onClose, onError }: { period: RegimePeriodDetail; onClose: () => void; onError: (e: unknown) => void }) {
  const { message } = App.useApp();
  const mutation = usePeriodMutation();
  const current = vnDateTimeOf(p.deadlineAt);
  const [v, setV] = useState<ExtendValues>({
    scope: 'all',
    unitIds: [],
    deadlineDate: current.date,
    deadlineTime: current.time,
    reason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof ExtendValues, string>>>({});
  const topLevel = useMemo(
    () =>
      p.assignments
        .filter((a) => a.parentAssignmentId === null)
        .map((a) => ({ value: a.unitId, label: a.unitName }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [p.assignments],
  );

  const submit = async () => {
    const next: typeof errors = {};
    if (!v.deadlineDate) next.deadlineDate = 'Chọn ngày hạn gửi mới.';
    else if (v.deadlineDate < todayInVietnam()) next.deadlineDate = 'Hạn gửi mới không được trước hôm nay.';
    if (v.scope === 'some' && v.unitIds.length === 0) next.unitIds = 'Chọn ít nhất một đơn vị.';
    if (!v.reason.trim()) next.reason = 'Nhập lý do gia hạn.';
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await mutation.mutateAsync({
        kind: 'extend',
        id: p.id,
        body: {
          version: p.version,
          deadlineDate: v.deadlineDate,
          deadlineTime: v.deadlineTime,
          unitIds: v.scope === 'some' ? v.unitIds : undefined,
          reason: v.reason.trim(),
        },
      });
      message.success('Đã gia hạn. Các đơn vị liên quan sẽ nhận được thông báo.');
      onClose();
    } catch (e) {
      const issues = isApiError(e) ? e.issues : [];
      if (issues.length) {
        setErrors({ reason: issues.map((i) => i.message).join(' ') });
        return;
      }
      onError(e);
    }
  };

  const status = (k: keyof ExtendValues) => (errors[k] ? 'error' : undefined);
  return (
    <Modal
      open
      title="Gia hạn gửi báo cáo"
      okText="Gia hạn"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`Hạn gửi hiện tại: ${formatDeadline(p.deadlineAt)}. Thời gian chốt số liệu không thay đổi.`}
      />
      <Form layout="vertical" component="div">
        <Form.Item label="Áp dụng cho">
          <Radio.Group
            aria-label="Áp dụng cho"
            value={v.scope}
            onChange={(e) => setV({ ...v, scope: e.target.value as ExtendValues['scope'] })}
            options={[
              { value: 'all', label: 'Tất cả đơn vị của kỳ' },
              { value: 'some', label: 'Một số đơn vị' },
            ]}
          />
        </Form.Item>
        {v.scope === 'some' && (
          <Form.Item label="Đơn vị được gia hạn" htmlFor="extend-units" validateStatus={status('unitIds')} help={errors.unitIds} required>
            <Select<string[]>
              id="extend-units"
              mode="multiple"
              value={v.unitIds}
              onChange={(unitIds) => setV({ ...v, unitIds })}
              options={topLevel}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Chọn đơn vị"
            />
          </Form.Item>
        )}
        <Form.Item label="Hạn gửi mới" htmlFor="extend-date" validateStatus={status('deadlineDate')} help={errors.deadlineDate} required>
          <DeadlineInput
            id="extend-date"
            date={v.deadlineDate}
            time={v.deadlineTime}
            status={status('deadlineDate')}
            onChange={({ date, time }) => setV({ ...v, deadlineDate: date, deadlineTime: time })}
          />
        </Form.Item>
        <Form.Item label="Lý do gia hạn" htmlFor="extend-reason" validateStatus={status('reason')} help={errors.reason} required>
          <Input.TextArea
            id="extend-reason"
            value={v.reason}
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            onChange={(e) => setV({ ...v, reason: e.target.value })}
            placeholder="VD: Theo đề nghị của các xã do ảnh hưởng của bão số 5."
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
