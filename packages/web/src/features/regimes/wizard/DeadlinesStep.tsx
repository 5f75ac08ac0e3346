import { Button, Card, Checkbox, Col, Flex, Input, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { todayInVietnam, type RegimeContent } from '@baocao/core';
import { DateInput, Field, hasProblem, TimeInput } from './fields.tsx';
import {
  levelExplanation,
  MAX_LEVELS,
  needsCustomPeriods,
  nextLevel,
  problemsAt,
  RULE_KIND_LABELS,
  ruleOfKind,
  type Rule,
  type RuleKind,
} from './model.ts';
import { patchContent, type StepProps } from './GeneralSteps.tsx';

type Level = RegimeContent['deadlines'][number];

const MONTH_OFFSETS = [
  { value: 0, label: 'tháng kết thúc kỳ' },
  { value: 1, label: 'tháng sau' },
  { value: 2, label: '2 tháng sau' },
  { value: 3, label: '3 tháng sau' },
];

const REMINDER_OPTIONS = [14, 10, 7, 5, 3, 2, 1, 0].map((d) => ({
  value: d,
  label: d === 0 ? 'Vào ngày đến hạn' : `${d} ngày trước hạn`,
}));

/** The parameters of one rule, in words a civil servant uses. */
function RuleEditor({ rule, onChange, idPrefix, status }: { rule: Rule; onChange: (r: Rule) => void; idPrefix: string; status?: 'error' }) {
  const number = (label: string, value: number, min: number, max: number, set: (v: number) => void, suffix: string) => (
    <Space.Compact>
      <InputNumber
        aria-label={label}
        id={`${idPrefix}-n`}
        min={min}
        max={max}
        value={value}
        status={status}
        onChange={(v) => set(v ?? min)}
      />
      {suffix && <Space.Addon>{suffix}</Space.Addon>}
    </Space.Compact>
  );
  switch (rule.kind) {
    case 'working_days_after':
      return number('Số ngày làm việc', rule.days, 1, 120, (days) => onChange({ ...rule, days }), 'ngày làm việc sau khi chốt số liệu');
    case 'days_after':
      return number('Số ngày', rule.days, 0, 366, (days) => onChange({ ...rule, days }), 'ngày sau khi chốt số liệu');
    case 'day_of_month':
      return (
        <Space wrap>
          <span>Ngày</span>
          {number('Ngày trong tháng', rule.day, 1, 31, (day) => onChange({ ...rule, day }), '')}
          <span>của</span>
          <Select
            aria-label="Tháng"
            value={rule.monthOffset}
            style={{ width: 170 }}
            onChange={(monthOffset: number) => onChange({ ...rule, monthOffset })}
            options={MONTH_OFFSETS}
          />
        </Space>
      );
    case 'fixed_date':
      return (
        <div style={{ width: 160 }}>
          <DateInput aria-label="Ngày hạn gửi" value={rule.date} status={status} onChange={(date) => onChange({ ...rule, date })} />
        </div>
      );
  }
}

/** Step 6: the deadline of each level (Art. 7 k7, Art. 8 k5b; R7, R9, R10), sending late, reminders. */
export function DeadlinesStep({ state, update, problems }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  const today = todayInVietnam();
  const setLevel = (i: number, level: Level) => set({ deadlines: c.deadlines.map((l, j) => (j === i ? level : l)) });
  const own = problemsAt(problems, 'deadlines', true);

  return (
    <>
      {needsCustomPeriods(c) && (
        <Typography.Paragraph type="secondary">
          Với các kỳ báo cáo liệt kê ở bước trước, hạn gửi cấp 1 là hạn ghi ở từng kỳ; các cấp dưới tính theo quy tắc dưới đây.
        </Typography.Paragraph>
      )}
      {own.length > 0 && (
        <Typography.Paragraph type="danger" role="alert">
          {own.map((p) => p.message).join(' ')}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={12} data-testid="deadline-levels">
        {c.deadlines.map((level, i) => {
          const rowProblems = problemsAt(problems, `deadlines.${i}`);
          return (
            <Card
              key={i}
              size="small"
              className={rowProblems.length ? 'regime-level regime-level-error' : 'regime-level'}
              title={`Cấp ${i + 1}`}
              extra={
                c.deadlines.length > 1 && (
                  <Tooltip title="Xóa cấp này">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`Xóa cấp ${i + 1}`}
                      onClick={() => set({ deadlines: c.deadlines.filter((_, j) => j !== i) })}
                    />
                  </Tooltip>
                )
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {levelExplanation(i)}
              </Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} lg={8}>
                  <Field label="Tên cấp gửi" htmlFor={`level-${i}-label`} path={`deadlines.${i}.label`} problems={problems} required>
                    <Input
                      id={`level-${i}-label`}
                      value={level.label}
                      maxLength={200}
                      onChange={(e) => setLevel(i, { ...level, label: e.target.value })}
                    />
                  </Field>
                </Col>
                <Col xs={24} lg={10}>
                  <Field label="Cách tính thời hạn" htmlFor={`level-${i}-kind`} path={`deadlines.${i}.rule.kind`} problems={problems}>
                    <Select<RuleKind>
                      id={`level-${i}-kind`}
                      value={level.rule.kind}
                      onChange={(kind) => setLevel(i, { ...level, rule: ruleOfKind(kind, level.rule, today) })}
                      options={(Object.keys(RULE_KIND_LABELS) as RuleKind[]).map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))}
                    />
                  </Field>
                </Col>
                <Col xs={24} lg={6}>
                  <Field label="Giờ" htmlFor={`level-${i}-time`} path={`deadlines.${i}.rule.time`} problems={problems}>
                    <TimeInput
                      id={`level-${i}-time`}
                      value={level.rule.time}
                      onChange={(time) => setLevel(i, { ...level, rule: { ...level.rule, time } })}
                    />
                  </Field>
                </Col>
              </Row>
              <Flex wrap gap={16} align="center">
                <RuleEditor
                  idPrefix={`level-${i}`}
                  rule={level.rule}
                  status={hasProblem(problems, `deadlines.${i}.rule`)}
                  onChange={(rule) => setLevel(i, { ...level, rule })}
                />
                <Checkbox
                  checked={level.rule.rollForward}
                  onChange={(e) => setLevel(i, { ...level, rule: { ...level.rule, rollForward: e.target.checked } })}
                >
                  Nếu trùng ngày nghỉ, chuyển sang ngày làm việc tiếp theo
                </Checkbox>
              </Flex>
              {rowProblems.length > 0 && (
                <Typography.Paragraph type="danger" role="alert" style={{ margin: '8px 0 0' }}>
                  {[...new Set(rowProblems.map((p) => p.message))].join(' ')}
                </Typography.Paragraph>
              )}
            </Card>
          );
        })}
      </Flex>
      <Tooltip title={c.deadlines.length >= MAX_LEVELS ? `Tối đa ${MAX_LEVELS} cấp.` : undefined}>
        <Button
          style={{ margin: '12px 0 20px' }}
          icon={<PlusOutlined aria-hidden />}
          disabled={c.deadlines.length >= MAX_LEVELS}
          onClick={() => set({ deadlines: [...c.deadlines, nextLevel(c.deadlines)] })}
        >
          Thêm cấp
        </Button>
      </Tooltip>

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="Gửi muộn" path="allowLateSending" problems={problems}>
            <Checkbox checked={c.allowLateSending} onChange={(e) => set({ allowLateSending: e.target.checked })}>
              Cho phép gửi báo cáo sau thời hạn (ghi nhận gửi muộn)
            </Checkbox>
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            label="Mở kỳ trước khi hết thời gian chốt số liệu (ngày)"
            htmlFor="regime-open-lead"
            path="openLeadDays"
            problems={problems}
            extra="0: mở kỳ ngay khi bắt đầu thời gian chốt số liệu."
          >
            <InputNumber id="regime-open-lead" min={0} max={90} value={c.openLeadDays} onChange={(v) => set({ openLeadDays: v ?? 0 })} />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            label="Nhắc hạn trước"
            htmlFor="regime-remind-before"
            path="reminders.daysBefore"
            problems={problems}
            extra="Tối đa 5 lần nhắc."
          >
            <Select<number[]>
              id="regime-remind-before"
              mode="multiple"
              value={c.reminders.daysBefore}
              maxCount={5}
              onChange={(daysBefore) => set({ reminders: { ...c.reminders, daysBefore: [...daysBefore].sort((a, b) => b - a) } })}
              options={REMINDER_OPTIONS}
              placeholder="Không nhắc trước hạn"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            label="Nhắc lại khi quá hạn, mỗi (ngày)"
            htmlFor="regime-remind-overdue"
            path="reminders.overdueEveryDays"
            problems={problems}
            extra="0: chỉ nhắc một lần khi quá hạn."
          >
            <InputNumber
              id="regime-remind-overdue"
              min={0}
              max={30}
              value={c.reminders.overdueEveryDays}
              onChange={(v) => set({ reminders: { ...c.reminders, overdueEveryDays: v ?? 0 } })}
            />
          </Field>
        </Col>
      </Row>
    </>
  );
}
