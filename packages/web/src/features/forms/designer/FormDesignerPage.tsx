import { useMemo, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Button, Card, Col, Flex, Result, Row, Spin, Steps, Typography } from 'antd';
import { type Form, type FormSummary, type FormVersionDetail, type InputValue } from '@baocao/core';
import { errorMessage } from '../../../api/client.ts';
import { useForm, useFormVersion } from '../../../api/forms.ts';
import { DraftHeader } from '../common/DraftHeader.tsx';
import { useDraft } from '../common/useDraft.ts';
import { ListFormDesigner } from '../list/ListFormDesigner.tsx';
import { OutlineDesigner } from '../outline/OutlineDesigner.tsx';
import type { GridLayout } from '../grid/layout.ts';
import { ColumnsEditor } from './ColumnsEditor.tsx';
import { ConstraintsEditor } from './ConstraintsEditor.tsx';
import { GeneralStep } from './GeneralStep.tsx';
import { LayoutStep } from './LayoutStep.tsx';
import { allCodes, analyse, columnTree, rowTree, toEditable } from './model.ts';
import { problemTarget, type DesignerProblem } from './problems.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { RowsEditor } from './RowsEditor.tsx';
import { nodeAt, type Path } from './tree.ts';
import './designer.css';

export function FormDesignerPage({ id }: { id: string }) {
  const summary = useForm(id);
  const versionId = summary.data?.draft?.id ?? summary.data?.latestPublished?.id;
  const detail = useFormVersion(id, versionId);
  if (summary.error || detail.error) {
    return (
      <Result
        status="warning"
        title="Không mở được biểu mẫu"
        subTitle={errorMessage(summary.error ?? detail.error)}
        extra={<Link to="/bieu-mau">Về danh sách biểu mẫu</Link>}
      />
    );
  }
  if (!summary.data || !detail.data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  // A new draft, a publish or a reload re-creates the editor state from the server's version.
  const key = `${detail.data.id}:${detail.data.revision}`;
  if (summary.data.kind === 'list') return <ListFormDesigner key={key} form={summary.data} version={detail.data} />;
  if (summary.data.kind === 'outline') return <OutlineDesigner key={key} form={summary.data} version={detail.data} />;
  return <Designer key={key} form={summary.data} version={detail.data} />;
}

function Designer({ form, version }: { form: FormSummary; version: FormVersionDetail }) {
  const [step, setStep] = useState(0);
  const draft = useDraft('table', form, version, { toEditable, analyse, onProblems: () => setStep((s) => (s === 0 ? 1 : s)) });
  const { def, analysis, editable, problems, errorCount, change } = draft;
  const [selRow, setSelRow] = useState<Path | null>(null);
  const [selCol, setSelCol] = useState<Path | null>(null);
  const [hatchMode, setHatchMode] = useState(false);
  const [sample] = useState(() => new Map<string, InputValue>());
  const lastValid = useRef<Form | undefined>(undefined);

  if (analysis.form) lastValid.current = analysis.form;
  const previewForm = analysis.form ?? lastValid.current;
  const codes = useMemo(() => allCodes(def), [def]);
  const layout = def.layout;
  const setLayout = (l: GridLayout) => change((d) => ({ ...d, layout: l }));

  const toggleHatch = (row: string, col: string) =>
    change((d) => {
      const has = d.disabledCells.some((c) => c.row === row && c.col === col);
      return {
        ...d,
        disabledCells: has ? d.disabledCells.filter((c) => !(c.row === row && c.col === col)) : [...d.disabledCells, { row, col }],
      };
    });

  const focus = (elementId: string) =>
    setTimeout(() => {
      const el = document.getElementById(elementId);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      (el as HTMLInputElement | null)?.focus?.({ preventScroll: true });
    }, 80);

  const jump = (p: DesignerProblem) => {
    const t = problemTarget(p.path);
    if (t.kind === 'general') {
      setStep(0);
      focus(
        { name: 'form-name', code: 'form-code', legalBasis: 'form-legal', note: 'form-note', fieldGroup: 'form-field' }[t.field] ??
          'form-name',
      );
    } else if (t.kind === 'row') {
      setStep(1);
      setSelRow(t.path);
      const row = nodeAt(def.rows, t.path, rowTree);
      if (row) focus(`row-${row.id}-${t.field === 'formula' || t.field === 'code' || t.field === 'unit' ? t.field : 'name'}`);
    } else if (t.kind === 'column') {
      setStep(1);
      setSelCol(t.path);
      const exists = nodeAt(def.columns, t.path, columnTree);
      if (exists) focus(`col-${t.path.join('-')}-${t.field === 'formula' || t.field === 'code' ? t.field : 'name'}`);
    } else if (t.kind === 'constraint') {
      setStep(1);
      focus(`constraint-${t.index}-${t.field === 'message' ? 'message' : 'expression'}`);
    } else {
      setStep(2);
      setHatchMode(t.list === 'disabledCells');
    }
  };

  return (
    <>
      <DraftHeader form={form} version={version} draft={draft} name={def.name} code={def.code} />
      <Card className="designer-steps-card">
        <Steps
          current={step}
          onChange={setStep}
          items={[
            { title: 'Thông tin chung', description: 'Tên, ký hiệu, căn cứ' },
            {
              title: 'Chỉ tiêu, cột và công thức',
              description: errorCount ? `${errorCount} lỗi cần sửa` : 'Dòng, cột, ràng buộc',
              status: errorCount && step !== 1 ? 'error' : undefined,
            },
            { title: 'Bố cục và xem trước', description: 'Độ rộng, cố định cột, nhập thử' },
          ]}
        />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xxl={step === 2 ? 24 : 18} xl={step === 2 ? 24 : 17}>
          {step === 0 && (
            <Card title="Thông tin chung">
              <GeneralStep def={def} onChange={change} readOnly={!editable} />
            </Card>
          )}
          {step === 1 && (
            <Flex vertical gap={16}>
              <Card title="Dòng chỉ tiêu" size="small">
                <RowsEditor
                  def={def}
                  onChange={change}
                  selected={selRow}
                  onSelect={setSelRow}
                  problems={problems}
                  codes={codes}
                  readOnly={!editable}
                />
              </Card>
              <Card title="Cột số liệu" size="small">
                <ColumnsEditor
                  def={def}
                  onChange={change}
                  selected={selCol}
                  onSelect={setSelCol}
                  problems={problems}
                  codes={codes}
                  readOnly={!editable}
                />
              </Card>
              <Card title="Ràng buộc kiểm tra" size="small">
                <ConstraintsEditor def={def} onChange={change} problems={problems} codes={codes} readOnly={!editable} />
              </Card>
            </Flex>
          )}
          {step === 2 && (
            <Card>
              <LayoutStep
                form={previewForm}
                layout={layout}
                onLayout={setLayout}
                hatchMode={hatchMode}
                onHatchMode={setHatchMode}
                onToggleHatch={toggleHatch}
                readOnly={!editable}
                sample={sample}
              />
            </Card>
          )}
          <Flex justify="space-between" style={{ marginTop: 16 }}>
            <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
              Quay lại
            </Button>
            {step < 2 ? (
              <Button type="primary" onClick={() => setStep(step + 1)}>
                Tiếp tục
              </Button>
            ) : (
              <Typography.Text type="secondary">
                {errorCount ? `Còn ${errorCount} lỗi cần sửa trước khi ban hành.` : 'Thiết kế hợp lệ.'}
              </Typography.Text>
            )}
          </Flex>
        </Col>
        {step !== 2 && (
          <Col xs={24} xxl={6} xl={7}>
            <div className="designer-side">
              <ProblemsList problems={problems} onJump={jump} />
            </div>
          </Col>
        )}
      </Row>
      {step === 2 && problems.length > 0 && (
        <Card size="small" style={{ marginTop: 16 }}>
          <ProblemsList problems={problems} onJump={jump} />
        </Card>
      )}
    </>
  );
}
