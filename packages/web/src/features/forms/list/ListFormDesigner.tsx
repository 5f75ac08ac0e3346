import { useMemo, useRef } from 'react';
import { Card, Col, Form as AntForm, InputNumber, Row } from 'antd';
import { parseDefinition, validateListForm, type FormSummary, type FormVersionDetail, type ListForm } from '@baocao/core';
import { DraftHeader } from '../common/DraftHeader.tsx';
import { GeneralFields } from '../common/GeneralFields.tsx';
import { useDraft } from '../common/useDraft.ts';
import { ProblemsList } from '../designer/ProblemsList.tsx';
import type { DesignerProblem } from '../designer/problems.ts';
import { ListColumnsEditor } from './ListColumnsEditor.tsx';
import { ListPreview } from './ListPreview.tsx';
import '../designer/designer.css';
import './list.css';

/** Designer of a list form (báo cáo danh sách): general information, columns, sample records. */
export function ListFormDesigner({ form, version }: { form: FormSummary; version: FormVersionDetail }) {
  const draft = useDraft('list', form, version);
  const { def, change, editable, problems } = draft;
  const lastValid = useRef<ListForm | undefined>(undefined);
  const valid = useMemo(() => {
    const parsed = parseDefinition('list', def);
    return parsed.ok && !validateListForm(parsed.definition).some((p) => p.severity === 'error') ? parsed.definition : undefined;
  }, [def]);
  if (valid) lastValid.current = valid;

  const jump = (p: DesignerProblem) => {
    const [head, index] = p.path;
    const el =
      head === 'columns' && typeof index === 'number'
        ? document.querySelector(`[data-testid="list-column-${index + 1}"]`)
        : document.getElementById(`form-${String(head)}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <>
      <DraftHeader form={form} version={version} draft={draft} name={def.name} code={def.code} />
      <Row gutter={16}>
        <Col xs={24} xl={17} xxl={18}>
          <Card title="Thông tin chung" size="small">
            <GeneralFields def={def} onChange={change} readOnly={!editable} codeLabel="Ký hiệu biểu">
              <AntForm.Item label="Số bản ghi tối đa" htmlFor="form-maxRecords" extra="Để trống: không giới hạn.">
                <InputNumber<number>
                  id="form-maxRecords"
                  min={1}
                  max={100000}
                  style={{ width: '100%' }}
                  value={def.maxRecords ?? null}
                  disabled={!editable}
                  onChange={(v) => change((d) => ({ ...d, maxRecords: v ?? undefined }))}
                />
              </AntForm.Item>
            </GeneralFields>
          </Card>
          <Card title="Các cột của danh sách" size="small" style={{ marginTop: 16 }}>
            <ListColumnsEditor def={def} onChange={change} problems={problems} readOnly={!editable} />
          </Card>
          <Card title="Xem trước và nhập thử" size="small" style={{ marginTop: 16 }}>
            <ListPreview list={lastValid.current} />
          </Card>
        </Col>
        <Col xs={24} xl={7} xxl={6}>
          <div className="designer-side">
            <ProblemsList problems={problems} onJump={jump} />
          </div>
        </Col>
      </Row>
    </>
  );
}
