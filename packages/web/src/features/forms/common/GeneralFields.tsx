import type { ReactNode } from 'react';
import { Col, Form as AntForm, Input, Row } from 'antd';

export interface GeneralInfo {
  name: string;
  code: string;
  fieldGroup?: string | null | undefined;
  legalBasis?: string | null | undefined;
  note?: string | null | undefined;
}

/** Tên, ký hiệu, lĩnh vực, căn cứ pháp lý, ghi chú — common to every kind of form. */
export function GeneralFields<T extends GeneralInfo>({
  def,
  onChange,
  readOnly,
  codeLabel,
  children,
}: {
  def: T;
  onChange: (fn: (d: T) => T) => void;
  readOnly: boolean;
  codeLabel: string;
  children?: ReactNode;
}) {
  const set = (patch: Partial<GeneralInfo>) => onChange((d) => ({ ...d, ...patch }));
  const blank = (v: string) => (v.trim() ? v : undefined);
  return (
    <AntForm layout="vertical" disabled={readOnly} className="designer-general">
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <AntForm.Item
            label="Tên biểu mẫu"
            htmlFor="form-name"
            required
            validateStatus={def.name.trim() ? undefined : 'error'}
            help={def.name.trim() ? undefined : 'Không được để trống.'}
          >
            <Input id="form-name" value={def.name} onChange={(e) => set({ name: e.target.value })} />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={8}>
          <AntForm.Item
            label={codeLabel}
            htmlFor="form-code"
            required
            validateStatus={def.code.trim() ? undefined : 'error'}
            help={def.code.trim() ? undefined : 'Không được để trống.'}
          >
            <Input id="form-code" value={def.code} onChange={(e) => set({ code: e.target.value })} />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={8}>
          <AntForm.Item label="Lĩnh vực" htmlFor="form-field">
            <Input
              id="form-field"
              value={def.fieldGroup ?? ''}
              onChange={(e) => set({ fieldGroup: blank(e.target.value) })}
              placeholder="VD: Kế hoạch – đầu tư"
            />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={16}>
          <AntForm.Item label="Căn cứ pháp lý" htmlFor="form-legal">
            <Input.TextArea
              id="form-legal"
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={def.legalBasis ?? ''}
              onChange={(e) => set({ legalBasis: blank(e.target.value) })}
            />
          </AntForm.Item>
        </Col>
        <Col xs={24} lg={children ? 16 : 24}>
          <AntForm.Item label="Ghi chú" htmlFor="form-note">
            <Input.TextArea
              id="form-note"
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={def.note ?? ''}
              onChange={(e) => set({ note: blank(e.target.value) })}
            />
          </AntForm.Item>
        </Col>
        {children && (
          <Col xs={24} lg={8}>
            {children}
          </Col>
        )}
      </Row>
    </AntForm>
  );
}
