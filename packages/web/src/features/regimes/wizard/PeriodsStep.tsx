import { Alert, Button, Col, Input, InputNumber, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PERIOD_TYPE_LABELS,
  PERIOD_TYPES,
  WINDOW_MODE_LABELS,
  type CustomPeriodInput,
  type PeriodType,
  type RegimeContent,
  type WindowMode,
} from '@baocao/core';
import { DateInput, Field, hasProblem, TimeInput } from './fields.tsx';
import { needsCustomPeriods, problemsAt } from './model.ts';
import { patchContent, type StepProps } from './GeneralSteps.tsx';

type CustomPeriod = RegimeContent['customPeriods'][number];

/** Frequencies whose window is the same in both modes (only month-based ones follow Art. 12). */
const MODE_INDEPENDENT: ReadonlySet<PeriodType> = new Set(['day', 'half_month', 'week', 'school_year', 'custom']);

function newCustomPeriod(list: readonly CustomPeriod[]): CustomPeriod {
  return { label: `Kỳ ${list.length + 1}`, start: '', end: '', deadlineDate: '', deadlineTime: '17:00' } satisfies CustomPeriodInput;
}

/** Step 5: how often, and the data cut-off window of each period (Art. 7 k6, k8; Art. 12). */
export function PeriodsStep({ state, update, problems }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  const custom = needsCustomPeriods(c);
  const setPeriod = (i: number, patch: Partial<CustomPeriod>) =>
    set({ customPeriods: c.customPeriods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const own = problemsAt(problems, 'customPeriods', true);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Field label="Tần suất thực hiện báo cáo" htmlFor="regime-frequency" path="frequency" problems={problems} required>
            <Select<PeriodType>
              id="regime-frequency"
              value={c.frequency}
              onChange={(frequency) =>
                set({ frequency, schoolYearEnd: frequency === 'school_year' ? (c.schoolYearEnd ?? { month: 5, day: 31 }) : null })
              }
              options={PERIOD_TYPES.map((t) => ({ value: t, label: PERIOD_TYPE_LABELS[t] }))}
              disabled={c.kind !== 'dinh_ky'}
            />
          </Field>
          {c.kind !== 'dinh_ky' && (
            <Typography.Paragraph type="secondary">
              Báo cáo chuyên đề, đột xuất thực hiện theo các kỳ liệt kê dưới đây (Điều 8 khoản 5 Nghị định 09/2019/NĐ-CP).
            </Typography.Paragraph>
          )}
        </Col>
        {c.frequency === 'school_year' && (
          <Col xs={24} md={14}>
            <Field label="Ngày kết thúc năm học" path="schoolYearEnd" problems={problems}>
              <Space>
                <label htmlFor="regime-school-day">Ngày</label>
                <InputNumber
                  id="regime-school-day"
                  min={1}
                  max={31}
                  value={c.schoolYearEnd?.day ?? 31}
                  onChange={(day) => set({ schoolYearEnd: { month: c.schoolYearEnd?.month ?? 5, day: day ?? 31 } })}
                />
                <label htmlFor="regime-school-month">tháng</label>
                <InputNumber
                  id="regime-school-month"
                  min={1}
                  max={12}
                  value={c.schoolYearEnd?.month ?? 5}
                  onChange={(month) => set({ schoolYearEnd: { day: c.schoolYearEnd?.day ?? 31, month: month ?? 5 } })}
                />
                <Typography.Text type="secondary">(năm sau)</Typography.Text>
              </Space>
            </Field>
          </Col>
        )}
      </Row>
      {!custom && (
        <Field
          label="Thời gian chốt số liệu"
          path="windowMode"
          problems={problems}
          extra={
            MODE_INDEPENDENT.has(c.frequency)
              ? 'Với tần suất này, thời gian chốt số liệu như nhau ở cả hai cách.'
              : 'Nghị định 09/2019/NĐ-CP: báo cáo tháng tính từ ngày 15 tháng trước đến ngày 14 tháng báo cáo; quý, 6 tháng, năm tính từ ngày 15 của tháng trước kỳ.'
          }
        >
          <Radio.Group
            aria-label="Thời gian chốt số liệu"
            value={c.windowMode}
            onChange={(e) => set({ windowMode: e.target.value as WindowMode })}
          >
            <Space orientation="vertical">
              {(Object.keys(WINDOW_MODE_LABELS) as WindowMode[]).map((m) => (
                <Radio key={m} value={m}>
                  {WINDOW_MODE_LABELS[m]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Field>
      )}
      {custom && (
        <>
          <Typography.Title level={5}>Các kỳ báo cáo</Typography.Title>
          {own.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={own.map((p) => p.message).join(' ')} role="alert" />
          )}
          <Table<CustomPeriod>
            data-testid="custom-periods"
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={c.customPeriods}
            locale={{ emptyText: 'Chưa có kỳ báo cáo nào. Bấm “Thêm kỳ báo cáo”.' }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: 'Tên kỳ',
                key: 'label',
                width: 200,
                render: (_, p, i) => (
                  <Input
                    aria-label={`Tên kỳ ${i + 1}`}
                    value={p.label}
                    status={hasProblem(problems, `customPeriods.${i}.label`)}
                    onChange={(e) => setPeriod(i, { label: e.target.value })}
                  />
                ),
              },
              {
                title: 'Chốt số liệu từ ngày',
                key: 'start',
                width: 150,
                render: (_, p, i) => (
                  <DateInput
                    aria-label={`Chốt số liệu từ ngày, kỳ ${i + 1}`}
                    value={p.start}
                    status={hasProblem(problems, `customPeriods.${i}.start`)}
                    onChange={(start) => setPeriod(i, { start })}
                  />
                ),
              },
              {
                title: 'Đến ngày',
                key: 'end',
                width: 150,
                render: (_, p, i) => (
                  <DateInput
                    aria-label={`Chốt số liệu đến ngày, kỳ ${i + 1}`}
                    value={p.end}
                    status={hasProblem(problems, `customPeriods.${i}.end`)}
                    onChange={(end) => setPeriod(i, { end })}
                  />
                ),
              },
              {
                title: 'Hạn gửi (ngày, giờ)',
                key: 'deadline',
                width: 270,
                render: (_, p, i) => (
                  <Space.Compact>
                    <DateInput
                      aria-label={`Hạn gửi, kỳ ${i + 1}`}
                      value={p.deadlineDate}
                      status={hasProblem(problems, `customPeriods.${i}.deadlineDate`)}
                      onChange={(deadlineDate) => setPeriod(i, { deadlineDate })}
                    />
                    <TimeInput
                      aria-label={`Giờ hạn gửi, kỳ ${i + 1}`}
                      value={p.deadlineTime}
                      onChange={(deadlineTime) => setPeriod(i, { deadlineTime })}
                    />
                  </Space.Compact>
                ),
              },
              {
                title: '',
                key: 'actions',
                width: 56,
                render: (_, _p, i) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`Xóa kỳ ${i + 1}`}
                    onClick={() => set({ customPeriods: c.customPeriods.filter((_x, j) => j !== i) })}
                  />
                ),
              },
            ]}
            expandable={{
              showExpandColumn: false,
              expandedRowKeys: c.customPeriods.map((_, i) => String(i)).filter((k) => problemsAt(problems, `customPeriods.${k}`).length),
              expandedRowRender: (_, i) => (
                <Typography.Text type="danger" role="alert">
                  {[...new Set(problemsAt(problems, `customPeriods.${i}`).map((p) => p.message))].join(' ')}
                </Typography.Text>
              ),
            }}
          />
          <Button
            style={{ marginTop: 12 }}
            icon={<PlusOutlined aria-hidden />}
            onClick={() => set({ customPeriods: [...c.customPeriods, newCustomPeriod(c.customPeriods)] })}
          >
            Thêm kỳ báo cáo
          </Button>
        </>
      )}
    </>
  );
}
