import { Checkbox, Col, Input, Radio, Row, Typography } from 'antd';
import {
  CONTENT_KIND_LABELS,
  REGIME_KIND_LABELS,
  type ContentKind,
  type RegimeContent,
  type RegimeDetail,
  type RegimeKind,
} from '@baocao/core';
import type { RegimeProblem } from '../../../api/regimes.ts';
import { UnitTreeSelect } from '../../../shared/UnitTreeSelect.tsx';
import { DateInput, Field, hasProblem } from './fields.tsx';
import { withKind, type IndicatorName, type IndicatorNames, type WizardState } from './model.ts';

export interface StepProps {
  state: WizardState;
  update: (fn: (s: WizardState) => WizardState) => void;
  problems: readonly RegimeProblem[];
  /** The regime is not created yet: owner and code can still change. */
  isNew: boolean;
  names?: RegimeDetail['names'];
  /** The owner's name once created (the owner does not change). */
  ownerName?: string;
  /** Code and name of the indicators met so far (chosen, or found by a search). */
  indicatorNames?: IndicatorNames;
  /** Learns indicators' names (a stable callback). */
  rememberIndicators?: (found: (IndicatorName & { id: string })[]) => void;
}

export function patchContent(update: StepProps['update'], patch: Partial<RegimeContent>) {
  update((s) => ({ ...s, content: { ...s.content, ...patch } }));
}

/** Step 1: who owns the regime, its name, kind, legal basis and validity (ND 09/2019 Art. 7 k1, R12, R13). */
export function GeneralStep({ state, update, problems, isNew, ownerName }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Field label="Đơn vị chủ trì" htmlFor="regime-owner" path="ownerUnitId" problems={problems} required>
            {isNew ? (
              <UnitTreeSelect
                id="regime-owner"
                value={state.ownerUnitId || undefined}
                onChange={(v) => update((s) => ({ ...s, ownerUnitId: v ?? '' }))}
                manageableOnly
                placeholder="Chọn đơn vị chủ trì chế độ báo cáo"
              />
            ) : (
              <Input id="regime-owner" value={ownerName ?? ''} disabled />
            )}
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field
            label="Ký hiệu"
            htmlFor="regime-code"
            path="code"
            problems={problems}
            required
            extra={isNew ? undefined : 'Ký hiệu không đổi sau khi tạo.'}
          >
            <Input
              id="regime-code"
              value={state.code}
              disabled={!isNew}
              maxLength={50}
              placeholder="VD: BC-KTXH-THANG"
              onChange={(e) => update((s) => ({ ...s, code: e.target.value }))}
            />
          </Field>
        </Col>
      </Row>
      <Field label="Tên báo cáo" htmlFor="regime-name" path="name" problems={problems} required>
        <Input
          id="regime-name"
          value={c.name}
          maxLength={500}
          placeholder="VD: Báo cáo tình hình kinh tế - xã hội hằng tháng"
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Field label="Loại chế độ báo cáo" path="kind" problems={problems} required>
            <Radio.Group
              aria-label="Loại chế độ báo cáo"
              optionType="button"
              value={c.kind}
              onChange={(e) => update((s) => ({ ...s, content: withKind(s.content, e.target.value as RegimeKind) }))}
              options={(Object.keys(REGIME_KIND_LABELS) as RegimeKind[]).map((k) => ({ value: k, label: REGIME_KIND_LABELS[k] }))}
            />
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field label="Thống kê" path="isStatistical" problems={problems}>
            <Checkbox checked={c.isStatistical} onChange={(e) => set({ isStatistical: e.target.checked })}>
              Báo cáo thống kê (theo Luật Thống kê)
            </Checkbox>
          </Field>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Căn cứ pháp lý
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Field label="Số, ký hiệu văn bản" htmlFor="regime-doc-number" path="legalBasis.documentNumber" problems={problems} required>
            <Input
              id="regime-doc-number"
              value={c.legalBasis.documentNumber}
              maxLength={100}
              placeholder="VD: 15/2025/QĐ-UBND"
              onChange={(e) => set({ legalBasis: { ...c.legalBasis, documentNumber: e.target.value } })}
            />
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field label="Ngày ban hành" htmlFor="regime-doc-date" path="legalBasis.documentDate" problems={problems} required>
            <DateInput
              id="regime-doc-date"
              value={c.legalBasis.documentDate}
              status={hasProblem(problems, 'legalBasis.documentDate')}
              onChange={(v) => set({ legalBasis: { ...c.legalBasis, documentDate: v } })}
            />
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field label="Cơ quan ban hành" htmlFor="regime-doc-issuer" path="legalBasis.issuer" problems={problems}>
            <Input
              id="regime-doc-issuer"
              value={c.legalBasis.issuer ?? ''}
              maxLength={300}
              placeholder="VD: Ủy ban nhân dân tỉnh"
              onChange={(e) => set({ legalBasis: { ...c.legalBasis, issuer: e.target.value } })}
            />
          </Field>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Field label="Hiệu lực từ ngày" htmlFor="regime-effective-from" path="effectiveFrom" problems={problems} required>
            <DateInput
              id="regime-effective-from"
              value={c.effectiveFrom}
              status={hasProblem(problems, 'effectiveFrom')}
              onChange={(v) => set({ effectiveFrom: v })}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field
            label="Hiệu lực đến ngày"
            htmlFor="regime-effective-to"
            path="effectiveTo"
            problems={problems}
            extra="Để trống nếu áp dụng đến khi có văn bản thay thế."
          >
            <DateInput
              id="regime-effective-to"
              value={c.effectiveTo}
              allowClear
              status={hasProblem(problems, 'effectiveTo')}
              onChange={(v) => set({ effectiveTo: v || null })}
            />
          </Field>
        </Col>
      </Row>
    </>
  );
}

/** Step 2: what must be reported (Art. 7 k2, LEGAL R11). */
export function ContentStep({ state, update, problems }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  return (
    <>
      <Field label="Hình thức nội dung" path="contentKind" problems={problems} required>
        <Radio.Group
          aria-label="Hình thức nội dung"
          value={c.contentKind}
          onChange={(e) => set({ contentKind: e.target.value as ContentKind })}
          options={(Object.keys(CONTENT_KIND_LABELS) as ContentKind[]).map((k) => ({ value: k, label: CONTENT_KIND_LABELS[k] }))}
        />
      </Field>
      <Field
        label="Nội dung yêu cầu báo cáo"
        htmlFor="regime-content"
        path="content"
        problems={problems}
        exact
        required
        extra="Nêu rõ các nội dung, chỉ tiêu cần báo cáo; phần số liệu chọn biểu mẫu ở bước “Mẫu đề cương, biểu mẫu”."
      >
        <Input.TextArea
          id="regime-content"
          value={c.content}
          maxLength={10000}
          showCount
          autoSize={{ minRows: 6, maxRows: 18 }}
          placeholder="VD: Tình hình thực hiện các chỉ tiêu kinh tế - xã hội trong tháng; kết quả nổi bật; khó khăn, vướng mắc; nhiệm vụ, giải pháp tháng tới."
          onChange={(e) => set({ content: e.target.value })}
        />
      </Field>
    </>
  );
}
