import { Col, Form as AntForm, Input, Row, Select } from 'antd';
import type { Form, SttStyle } from '@baocao/core';
import { UnitTreeSelect } from '../../../shared/UnitTreeSelect.tsx';
import { STT_STYLE_LABELS } from './model.ts';

const LEVELS = ['Cấp 1 (I, II…)', 'Cấp 2', 'Cấp 3', 'Cấp 4 trở xuống'];

/** Bước 1 — Thông tin chung. */
export function GeneralStep({ def, onChange, readOnly }: { def: Form; onChange: (fn: (d: Form) => Form) => void; readOnly: boolean }) {
  const set = (patch: Partial<Form>) => onChange((d) => ({ ...d, ...patch }));
  const styles = [0, 1, 2, 3].map((i) => def.sttStyles[Math.min(i, def.sttStyles.length - 1)]!);
  return (
    <AntForm layout="vertical" disabled={readOnly} data-testid="general-step" className="designer-general">
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <AntForm.Item
            label="Tên biểu mẫu"
            required
            validateStatus={def.name.trim() ? undefined : 'error'}
            help={def.name.trim() ? undefined : 'Không được để trống.'}
          >
            <Input
              id="form-name"
              value={def.name}
              onChange={(e) => set({ name: e.target.value })}
              placeholder="VD: Báo cáo tình hình thực hiện dự toán thu ngân sách"
            />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={8}>
          <AntForm.Item
            label="Ký hiệu biểu"
            required
            validateStatus={def.code.trim() ? undefined : 'error'}
            help={def.code.trim() ? undefined : 'Không được để trống.'}
          >
            <Input id="form-code" value={def.code} onChange={(e) => set({ code: e.target.value })} placeholder="VD: 01/BC-TC" />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={8}>
          <AntForm.Item label="Lĩnh vực">
            <Input
              id="form-field"
              value={def.fieldGroup ?? ''}
              onChange={(e) => set({ fieldGroup: e.target.value })}
              placeholder="VD: Tài chính – ngân sách"
            />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={16}>
          <AntForm.Item label="Đơn vị chủ trì">
            <UnitTreeSelect value={def.ownerUnitId} onChange={(ownerUnitId) => set({ ownerUnitId })} data-testid="form-owner" />
          </AntForm.Item>
        </Col>
        <Col xs={24}>
          <AntForm.Item label="Căn cứ pháp lý">
            <Input.TextArea
              id="form-legal"
              autoSize={{ minRows: 2, maxRows: 5 }}
              value={def.legalBasis ?? ''}
              onChange={(e) => set({ legalBasis: e.target.value })}
              placeholder="VD: Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước"
            />
          </AntForm.Item>
        </Col>
        <Col xs={24}>
          <AntForm.Item label="Ghi chú">
            <Input.TextArea
              id="form-note"
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={def.note ?? ''}
              onChange={(e) => set({ note: e.target.value })}
            />
          </AntForm.Item>
        </Col>
      </Row>
      <AntForm.Item label="Cách đánh số thứ tự (STT) theo cấp dòng">
        <Row gutter={12}>
          {LEVELS.map((label, i) => (
            <Col key={label} xs={12} md={6}>
              <div className="tree-sub-label">{label}</div>
              <Select<SttStyle>
                aria-label={`Kiểu STT ${label}`}
                value={styles[i]}
                style={{ width: '100%' }}
                onChange={(v) => {
                  const next = [...styles];
                  next[i] = v;
                  set({ sttStyles: next });
                }}
                options={Object.entries(STT_STYLE_LABELS).map(([value, l]) => ({ value: value as SttStyle, label: l }))}
              />
            </Col>
          ))}
        </Row>
      </AntForm.Item>
    </AntForm>
  );
}
