import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { formatDateTime, formatIsoDate, formatNumber, todayInVietnam, type CalendarYearResponse } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useCalendarMutation, useCalendarYear } from '../../api/regimes.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { DateInput } from '../regimes/wizard/fields.tsx';
import {
  ADJUSTMENT_KIND_LABELS,
  classifyDays,
  HOLIDAY_SOURCE_LABELS,
  MONTH_NAMES,
  monthWeeks,
  WEEKDAY_HEADERS,
  WEEKDAY_NAMES,
  weekdayOf,
  type DayInfo,
} from './model.ts';
import './calendar.css';

type Holiday = CalendarYearResponse['holidays'][number];

const HOLIDAY_SOURCE_COLORS: Record<Holiday['source'], string> = { law: 'red', compensatory: 'volcano', announced: 'purple' };

type Adjustment = CalendarYearResponse['adjustments'][number];

/** The working-day calendar: the year at a glance, and the days the Government announced differently. */
export function CalendarPage() {
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'calendar.manage');
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, isLoading, isFetching } = useCalendarYear(year);
  const [editing, setEditing] = useState<{ date: string; existing?: Adjustment } | null>(null);
  const mutation = useCalendarMutation();
  const { message } = App.useApp();

  const shown = data?.year === year ? data : undefined;
  const dayInfo = useMemo(() => (shown ? classifyDays(shown) : null), [shown]);
  const adjustmentByDate = useMemo(() => new Map((shown?.adjustments ?? []).map((a) => [a.date, a])), [shown]);
  const years = Array.from({ length: 11 }, (_, i) => thisYear - 5 + i);

  const remove = async (date: string) => {
    try {
      await mutation.mutateAsync({ kind: 'delete', date });
      message.success(`Đã xóa điều chỉnh ngày ${formatIsoDate(date)}.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const openDay = (date: string) => setEditing({ date, existing: adjustmentByDate.get(date) });

  return (
    <>
      <PageTitle
        title="Lịch làm việc"
        subtitle="Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù dùng để tính thời hạn gửi báo cáo theo ngày làm việc"
        extra={
          <Space wrap>
            <Button icon={<LeftOutlined aria-hidden />} aria-label="Năm trước" onClick={() => setYear(year - 1)} />
            <Select<number>
              aria-label="Năm"
              value={year}
              onChange={setYear}
              options={(years.includes(year) ? years : [...years, year].sort()).map((y) => ({ value: y, label: `Năm ${y}` }))}
              style={{ width: 120 }}
            />
            <Button icon={<RightOutlined aria-hidden />} aria-label="Năm sau" onClick={() => setYear(year + 1)} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ date: '' })}>
                Thêm ngày điều chỉnh
              </Button>
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={`Số ngày làm việc năm ${year}`} value={shown ? formatNumber(shown.workingDayCount) : '—'} />
          </Card>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title="Ngày nghỉ lễ, Tết, nghỉ bù" value={shown ? formatNumber(shown.holidays.length) : '—'} />
          </Card>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title="Thứ Bảy, Chủ nhật làm bù" value={shown ? formatNumber(shown.workingWeekends.length) : '—'} />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }} title={`Lịch năm ${year}`} extra={isFetching && <Spin size="small" />}>
        <Space wrap className="cal-legend" aria-label="Chú giải" style={{ marginBottom: 12 }}>
          <span>
            <span className="cal-swatch cal-holiday" /> Nghỉ lễ, Tết, nghỉ bù
          </span>
          <span>
            <span className="cal-swatch cal-working_weekend" /> Làm bù
          </span>
          <span>
            <span className="cal-swatch cal-weekend" /> Thứ Bảy, Chủ nhật
          </span>
          <span>
            <span className="cal-swatch cal-today" /> Hôm nay
          </span>
          {canManage && <Typography.Text type="secondary">Bấm vào một ngày để thêm hoặc sửa điều chỉnh.</Typography.Text>}
        </Space>
        {isLoading || !dayInfo ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <div className="cal-grid" data-testid="calendar-grid">
            {MONTH_NAMES.map((name, i) => (
              <MonthView
                key={name}
                year={year}
                month={i + 1}
                name={name}
                info={dayInfo}
                today={today}
                adjustmentByDate={adjustmentByDate}
                onPick={canManage ? openDay : undefined}
              />
            ))}
          </div>
        )}
      </Card>
      <Card style={{ marginTop: 16 }} title={`Ngày nghỉ lễ, Tết, nghỉ bù năm ${year}`}>
        <Table<Holiday>
          data-testid="calendar-holidays"
          size="small"
          rowKey="date"
          pagination={false}
          loading={isLoading}
          dataSource={shown?.holidays ?? []}
          locale={{ emptyText: 'Không có ngày nghỉ lễ nào.' }}
          columns={[
            {
              title: 'Ngày',
              dataIndex: 'date',
              width: 200,
              render: (d: string) => `${WEEKDAY_NAMES[weekdayOf(d)]}, ${formatIsoDate(d)}`,
            },
            { title: 'Ngày nghỉ', dataIndex: 'name' },
            {
              title: 'Căn cứ',
              dataIndex: 'source',
              width: 240,
              render: (source: Holiday['source']) => <Tag color={HOLIDAY_SOURCE_COLORS[source]}>{HOLIDAY_SOURCE_LABELS[source]}</Tag>,
            },
          ]}
        />
      </Card>
      <Card style={{ marginTop: 16 }} title="Các ngày điều chỉnh theo thông báo">
        <Typography.Paragraph type="secondary">
          Ngày nghỉ lễ, Tết theo Bộ luật Lao động và ngày nghỉ bù được hệ thống tự tính. Ở đây ghi các ngày Chính phủ, Thủ tướng Chính phủ
          thông báo thêm: ngày nghỉ hoặc thứ Bảy, Chủ nhật làm bù.
        </Typography.Paragraph>
        <Table<Adjustment>
          data-testid="calendar-adjustments"
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={shown?.adjustments ?? []}
          locale={{ emptyText: 'Chưa có ngày điều chỉnh nào trong năm.' }}
          columns={[
            {
              title: 'Ngày',
              dataIndex: 'date',
              width: 200,
              render: (d: string) => `${WEEKDAY_NAMES[weekdayOf(d)]}, ${formatIsoDate(d)}`,
            },
            {
              title: 'Loại',
              dataIndex: 'kind',
              width: 200,
              render: (k: Adjustment['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{ADJUSTMENT_KIND_LABELS[k]}</Tag>,
            },
            { title: 'Tên, lý do', dataIndex: 'name' },
            { title: 'Cập nhật', dataIndex: 'updatedAt', width: 180, render: (t: string) => formatDateTime(t) },
            ...(canManage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, a: Adjustment) => (
                      <Space>
                        <Tooltip title="Sửa">
                          <Button
                            type="text"
                            icon={<EditOutlined aria-hidden />}
                            aria-label={`Sửa ngày ${formatIsoDate(a.date)}`}
                            onClick={() => setEditing({ date: a.date, existing: a })}
                          />
                        </Tooltip>
                        <Popconfirm
                          title={`Xóa điều chỉnh ngày ${formatIsoDate(a.date)}?`}
                          okText="Xóa"
                          cancelText="Hủy"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove(a.date)}
                        >
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={`Xóa ngày ${formatIsoDate(a.date)}`}
                          />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <AdjustmentModal
          date={editing.date}
          existing={editing.existing}
          year={year}
          onClose={() => setEditing(null)}
          existingDates={adjustmentByDate}
        />
      )}
    </>
  );
}

function dayTitle(iso: string, info: DayInfo, adjustment: Adjustment | undefined): string {
  const parts = [`${WEEKDAY_NAMES[weekdayOf(iso)]}, ${formatIsoDate(iso)}`];
  if (info.kind === 'holiday') parts.push(...info.names, info.sources.map((s) => HOLIDAY_SOURCE_LABELS[s]).join(', '));
  if (info.kind === 'working_weekend') parts.push(`Làm bù${adjustment ? `: ${adjustment.name}` : ''}`);
  return parts.join(' · ');
}

function MonthView({
  year,
  month,
  name,
  info,
  today,
  adjustmentByDate,
  onPick,
}: {
  year: number;
  month: number;
  name: string;
  info: (iso: string) => DayInfo;
  today: string;
  adjustmentByDate: Map<string, Adjustment>;
  onPick?: (iso: string) => void;
}) {
  const weeks = monthWeeks(year, month);
  return (
    <table className="cal-month" aria-label={`${name} năm ${year}`}>
      <caption>{name}</caption>
      <thead>
        <tr>
          {WEEKDAY_HEADERS.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((iso, d) => {
              if (!iso) return <td key={d} />;
              const di = info(iso);
              const title = dayTitle(iso, di, adjustmentByDate.get(iso));
              const cls = `cal-day cal-${di.kind}${iso === today ? ' cal-today' : ''}`;
              const day = Number(iso.slice(8));
              return (
                <td key={d}>
                  <Tooltip title={title} mouseEnterDelay={0.2}>
                    {onPick ? (
                      <button type="button" className={cls} aria-label={title} onClick={() => onPick(iso)}>
                        {day}
                      </button>
                    ) : (
                      <span className={cls} aria-label={title} tabIndex={di.kind === 'holiday' || di.kind === 'working_weekend' ? 0 : -1}>
                        {day}
                      </span>
                    )}
                  </Tooltip>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdjustmentModal({
  date: initialDate,
  existing,
  year,
  onClose,
  existingDates,
}: {
  date: string;
  existing?: Adjustment;
  year: number;
  onClose: () => void;
  existingDates: Map<string, Adjustment>;
}) {
  const { message } = App.useApp();
  const mutation = useCalendarMutation();
  const defaultKind = (iso: string) => (iso && [0, 6].includes(weekdayOf(iso)) ? 'working_day' : 'holiday');
  const [date, setDate] = useState(initialDate);
  const [kind, setKind] = useState<Adjustment['kind']>(existing?.kind ?? defaultKind(initialDate));
  const [name, setName] = useState(existing?.name ?? '');
  const [errors, setErrors] = useState<{ date?: string; name?: string }>({});
  const replacing = !existing && date ? existingDates.get(date) : undefined;

  const submit = async () => {
    const next: typeof errors = {};
    if (!date) next.date = 'Chọn ngày.';
    if (!name.trim()) next.name = 'Nhập tên hoặc lý do (VD: Nghỉ bù Tết Nguyên đán).';
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await mutation.mutateAsync({ kind: 'put', date, body: { kind, name: name.trim() } });
      message.success(`Đã lưu ngày ${formatIsoDate(date)}: ${ADJUSTMENT_KIND_LABELS[kind]}.`);
      onClose();
    } catch (e) {
      if (isApiError(e, 'INVALID_CALENDAR_DATE')) setErrors({ date: errorMessage(e) });
      else message.error(errorMessage(e));
    }
  };

  const remove = async () => {
    try {
      await mutation.mutateAsync({ kind: 'delete', date });
      message.success(`Đã xóa điều chỉnh ngày ${formatIsoDate(date)}.`);
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={existing ? `Sửa ngày điều chỉnh ${formatIsoDate(existing.date)}` : 'Thêm ngày điều chỉnh'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={mutation.isPending && mutation.variables?.kind === 'put'}
      onCancel={onClose}
      footer={(_, { OkBtn, CancelBtn }) => (
        <Flex justify="space-between">
          <span>
            {existing && (
              <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => void remove()}>
                Xóa điều chỉnh
              </Button>
            )}
          </span>
          <Space>
            <CancelBtn />
            <OkBtn />
          </Space>
        </Flex>
      )}
    >
      <Form layout="vertical" component="div">
        <Form.Item label="Ngày" htmlFor="adjustment-date" required validateStatus={errors.date ? 'error' : undefined} help={errors.date}>
          <DateInput
            id="adjustment-date"
            value={date}
            disabled={!!existing}
            status={errors.date ? 'error' : undefined}
            minDate={`${year - 1}-01-01`}
            onChange={(d) => {
              setDate(d);
              if (!existing) setKind(defaultKind(d));
            }}
          />
        </Form.Item>
        {replacing && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Ngày này đã có điều chỉnh “${replacing.name}”; lưu sẽ thay thế điều chỉnh đó.`}
          />
        )}
        <Form.Item label="Loại">
          <Radio.Group
            aria-label="Loại"
            value={kind}
            onChange={(e) => setKind(e.target.value as Adjustment['kind'])}
            options={[
              { value: 'holiday', label: ADJUSTMENT_KIND_LABELS.holiday },
              { value: 'working_day', label: ADJUSTMENT_KIND_LABELS.working_day },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Tên, lý do"
          htmlFor="adjustment-name"
          required
          validateStatus={errors.name ? 'error' : undefined}
          help={errors.name}
        >
          <Input
            id="adjustment-name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            placeholder="VD: Nghỉ bù dịp Quốc khánh theo Thông báo số …"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
