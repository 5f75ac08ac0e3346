import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TransitionInput } from '@baocao/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { isCertificateProblem } from '../signatures/format.ts';

export interface TransitionInputs {
  reason?: string;
  /** ISO 8601 */
  receivedAt?: string;
  evidence?: string;
}

type Field = 'reason' | 'receivedAt' | 'evidence';

/** Server error codes that belong to one field of the dialog. */
const FIELD_OF_CODE: Partial<Record<string, Field>> = { REASON_REQUIRED: 'reason', RECEIVED_AT_REQUIRED: 'receivedAt' };

/**
 * The inputs a workflow step asks for, and only those (core's transitionNeeds): "Lý do" for a
 * return, a send-back or a correction; "Thời điểm nhận" and "Ghi chú bằng chứng" for a report
 * received outside the system. `onSubmit` answers true when done (the dialog closes), false when
 * the page showed the problem itself; a field error it throws is shown on the field, a missing or
 * unusable certificate with a link to the certificates page.
 */
export function TransitionDialog({
  title,
  okText,
  needs,
  intro,
  reasonPlaceholder,
  onSubmit,
  onClose,
}: {
  title: string;
  okText: string;
  needs: readonly TransitionInput[];
  intro?: ReactNode;
  reasonPlaceholder?: string;
  onSubmit: (inputs: TransitionInputs) => Promise<boolean>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [receivedAt, setReceivedAt] = useState<Dayjs | null>(() => (needs.includes('receivedAt') ? dayjs().second(0) : null));
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<{ message: string; certificate: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next: typeof errors = {};
    if (needs.includes('reason') && !reason.trim()) next.reason = 'Vui lòng nhập lý do.';
    if (needs.includes('receivedAt')) {
      if (!receivedAt) next.receivedAt = 'Vui lòng chọn thời điểm nhận báo cáo.';
      else if (receivedAt.isAfter(dayjs())) next.receivedAt = 'Thời điểm nhận không được sau thời điểm hiện tại.';
    }
    if (needs.includes('evidence') && !evidence.trim()) {
      next.evidence = 'Vui lòng ghi bằng chứng: số văn bản, hình thức nhận (thư điện tử, hệ thống quản lý văn bản…), người chuyển.';
    }
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const done = await onSubmit({
        reason: needs.includes('reason') ? reason.trim() : undefined,
        receivedAt: needs.includes('receivedAt') ? receivedAt!.toISOString() : undefined,
        evidence: needs.includes('evidence') ? evidence.trim() : undefined,
      });
      if (done) onClose();
    } catch (e) {
      const field = e instanceof ApiError ? FIELD_OF_CODE[e.code] : undefined;
      const issues = e instanceof ApiError ? e.issues : [];
      const placed: typeof errors = {};
      for (const i of issues) {
        const f = (['reason', 'receivedAt', 'evidence'] as const).find((k) => i.path.endsWith(k));
        if (f) placed[f] = i.message;
      }
      if (field) placed[field] = errorMessage(e);
      if (Object.keys(placed).length) setErrors(placed);
      else setFormError({ message: errorMessage(e), certificate: e instanceof ApiError && isCertificateProblem(e.code) });
    } finally {
      setBusy(false);
    }
  };

  const status = (f: Field) => (errors[f] ? 'error' : undefined);
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {formError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={formError.message}
          role="alert"
          data-testid="transition-error"
          description={
            formError.certificate ? <Link to="/chung-thu-so">Mở trang “Chứng thư số” để nhập hoặc kiểm tra chứng thư số</Link> : undefined
          }
        />
      )}
      <Form layout="vertical" component="div">
        {needs.includes('receivedAt') && (
          <Form.Item
            label="Thời điểm nhận"
            htmlFor="transition-received-at"
            required
            validateStatus={status('receivedAt')}
            help={errors.receivedAt}
          >
            <DatePicker
              id="transition-received-at"
              showTime={{ format: 'HH:mm' }}
              format="DD/MM/YYYY HH:mm"
              placeholder="dd/mm/yyyy hh:mm"
              value={receivedAt}
              onChange={setReceivedAt}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              status={status('receivedAt')}
              style={{ width: 240 }}
            />
          </Form.Item>
        )}
        {needs.includes('evidence') && (
          <Form.Item
            label="Ghi chú bằng chứng"
            htmlFor="transition-evidence"
            required
            validateStatus={status('evidence')}
            help={errors.evidence}
          >
            <Input.TextArea
              id="transition-evidence"
              value={evidence}
              maxLength={2000}
              autoSize={{ minRows: 3, maxRows: 8 }}
              onChange={(e) => setEvidence(e.target.value)}
              placeholder="VD: Công văn số 125/UBND-VP ngày 10/12/2026, nhận qua thư điện tử công vụ do đồng chí Lan chuyển."
            />
          </Form.Item>
        )}
        {needs.includes('reason') && (
          <Form.Item label="Lý do" htmlFor="transition-reason" required validateStatus={status('reason')} help={errors.reason}>
            <Input.TextArea
              id="transition-reason"
              value={reason}
              maxLength={2000}
              autoSize={{ minRows: 3, maxRows: 8 }}
              onChange={(e) => setReason(e.target.value)}
              placeholder={reasonPlaceholder ?? 'Nêu rõ lý do để người nhận biết cần làm gì.'}
              autoFocus
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
