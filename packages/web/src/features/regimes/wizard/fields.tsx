import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { DatePicker, Form, Space, TimePicker } from 'antd';
import type { RegimeProblem } from '../../../api/regimes.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../shared/dates.ts';
import { problemsAt } from './model.ts';

/** A labelled field whose errors are the problems found at `path` (by the browser or the server). */
export function Field({
  label,
  htmlFor,
  path,
  problems,
  exact,
  required,
  extra,
  children,
  style,
}: {
  label: ReactNode;
  htmlFor?: string;
  path?: string;
  problems?: readonly RegimeProblem[];
  exact?: boolean;
  required?: boolean;
  extra?: ReactNode;
  children: ReactNode;
  style?: React.CSSProperties;
}) {
  const ps = path && problems ? problemsAt(problems, path, exact) : [];
  return (
    <Form.Item
      label={label}
      htmlFor={htmlFor}
      required={required}
      validateStatus={ps.length ? 'error' : undefined}
      help={ps.length ? [...new Set(ps.map((p) => p.message))].join(' ') : undefined}
      extra={extra}
      style={style}
    >
      {children}
    </Form.Item>
  );
}

/** A date field on an ISO date string (YYYY-MM-DD), shown dd/mm/yyyy. */
export function DateInput({
  id,
  value,
  onChange,
  disabled,
  allowClear = false,
  status,
  'aria-label': ariaLabel,
  minDate,
}: {
  id?: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
  disabled?: boolean;
  allowClear?: boolean;
  status?: 'error';
  'aria-label'?: string;
  minDate?: string;
}) {
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      format={DATE_FORMAT}
      placeholder="dd/mm/yyyy"
      value={fromIsoDate(value)}
      onChange={(d) => onChange(toIsoDate(d) ?? '')}
      disabled={disabled}
      allowClear={allowClear}
      status={status}
      minDate={minDate ? (fromIsoDate(minDate) ?? undefined) : undefined}
      style={{ width: '100%' }}
    />
  );
}

/** A local time of day 'HH:mm'. */
export function TimeInput({
  id,
  value,
  onChange,
  disabled,
  status,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  status?: 'error';
  'aria-label'?: string;
}) {
  const m = /^(\d{2}):(\d{2})$/u.exec(value);
  const v = m ? dayjs().hour(Number(m[1])).minute(Number(m[2])).second(0).millisecond(0) : null;
  return (
    <TimePicker
      id={id}
      aria-label={ariaLabel}
      format="HH:mm"
      placeholder="HH:mm"
      value={v}
      minuteStep={5}
      needConfirm={false}
      allowClear={false}
      onChange={(d) => d && onChange(d.format('HH:mm'))}
      disabled={disabled}
      status={status}
      style={{ width: 110 }}
    />
  );
}

export const hasProblem = (problems: readonly RegimeProblem[], path: string, exact = false): 'error' | undefined =>
  problemsAt(problems, path, exact).length ? 'error' : undefined;

/** A deadline: a date (YYYY-MM-DD) and a local time ('HH:mm') side by side; `id` is the date's. */
export function DeadlineInput({
  id,
  date,
  time,
  status,
  onChange,
}: {
  id: string;
  date: string;
  time: string;
  status?: 'error';
  onChange: (value: { date: string; time: string }) => void;
}) {
  return (
    <Space.Compact>
      <div style={{ width: 170 }}>
        <DateInput id={id} value={date} status={status} onChange={(d) => onChange({ date: d, time })} />
      </div>
      <TimeInput aria-label="Giờ" value={time} onChange={(t) => onChange({ date, time: t })} />
    </Space.Compact>
  );
}
