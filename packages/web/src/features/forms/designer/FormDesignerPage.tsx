import { useMemo, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import {
  CopyOutlined,
  DownloadOutlined,
  HistoryOutlined,
  SaveOutlined,
  SendOutlined,
  ShareAltOutlined,
  DiffOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { FORM_KIND_LABELS, type Form, type FormSummary, type FormVersionDetail, type InputValue } from '@baocao/core';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { exportFormExcel, useForm, useFormMutation, useFormVersion, useFormVersions, type ServerProblem } from '../../../api/forms.ts';
import { PageTitle } from '../../../shared/Page.tsx';
import { ListFormDesigner } from '../list/ListFormDesigner.tsx';
import { OutlineDesigner } from '../outline/OutlineDesigner.tsx';
import type { GridLayout } from '../grid/layout.ts';
import { ColumnsEditor } from './ColumnsEditor.tsx';
import { ConstraintsEditor } from './ConstraintsEditor.tsx';
import { CopyModal, DiffModal, ShareModal, VersionTag, VersionsDrawer } from './DesignerModals.tsx';
import { GeneralStep } from './GeneralStep.tsx';
import { LayoutStep } from './LayoutStep.tsx';
import { allCodes, analyse, columnTree, rowTree, toEditable } from './model.ts';
import { normalizePath, problemTarget, type DesignerProblem } from './problems.ts';
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
  const { message, modal } = App.useApp();
  const mutation = useFormMutation();
  const versions = useFormVersions(form.id);
  const editable = form.canDesign && version.status === 'draft';
  const [def, setDef] = useState<Form>(() => toEditable(version.definition));
  const [revision, setRevision] = useState(version.revision);
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState(0);
  const [selRow, setSelRow] = useState<Path | null>(null);
  const [selCol, setSelCol] = useState<Path | null>(null);
  const [hatchMode, setHatchMode] = useState(false);
  const [sample] = useState(() => new Map<string, InputValue>());
  const [serverProblems, setServerProblems] = useState<DesignerProblem[]>([]);
  const [dialog, setDialog] = useState<'versions' | 'diff' | 'share' | 'copy' | null>(null);
  const lastValid = useRef<Form | undefined>(undefined);

  const analysis = useMemo(() => analyse(def), [def]);
  if (analysis.form) lastValid.current = analysis.form;
  const previewForm = analysis.form ?? lastValid.current;
  const codes = useMemo(() => allCodes(def), [def]);
  const problems = useMemo(() => {
    const local = analysis.problems;
    const seen = new Set(local.map((p) => p.message));
    return [...local, ...serverProblems.filter((p) => !seen.has(p.message))];
  }, [analysis.problems, serverProblems]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  const change = (fn: (d: Form) => Form) => {
    if (!editable) return;
    setDef(fn);
    setDirty(true);
    setServerProblems([]);
  };
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

  const toProblems = (e: unknown): DesignerProblem[] => {
    const ps = (isApiError(e) ? (e.details as { problems?: ServerProblem[] } | undefined)?.problems : undefined) ?? [];
    return ps.map((p) => ({ path: normalizePath(p.path), message: p.message, severity: p.severity }));
  };

  const handleError = (e: unknown, what: string) => {
    if (isApiError(e, 'CONFLICT')) {
      modal.error({
        title: 'Biểu mẫu đã được người khác sửa',
        content: 'Biểu mẫu đã được người khác sửa sau khi bạn mở. Hãy tải lại trang để lấy bản mới nhất rồi làm lại thay đổi của mình.',
        okText: 'Tải lại trang',
        onOk: () => window.location.reload(),
      });
      return;
    }
    const ps = toProblems(e);
    if (ps.length) {
      setServerProblems(ps);
      message.error(
        `${what} không thành công: biểu mẫu còn ${ps.filter((p) => p.severity === 'error').length} lỗi (xem danh sách “Kiểm tra thiết kế”).`,
      );
      if (step === 0) setStep(1);
      return;
    }
    message.error(errorMessage(e));
  };

  const save = async (quiet = false): Promise<number | null> => {
    try {
      const res = (await mutation.mutateAsync({
        kind: 'saveDraft',
        id: form.id,
        body: { revision, definition: def },
      })) as FormVersionDetail;
      setRevision(res.revision);
      setDirty(false);
      if (!quiet) message.success('Đã lưu bản nháp.');
      return res.revision;
    } catch (e) {
      handleError(e, 'Lưu nháp');
      return null;
    }
  };

  const publish = () => {
    if (errorCount > 0) {
      message.error('Biểu mẫu còn lỗi, chưa thể ban hành. Hãy sửa các lỗi trong danh sách “Kiểm tra thiết kế”.');
      if (step === 0) setStep(1);
      return;
    }
    modal.confirm({
      title: 'Ban hành biểu mẫu?',
      content: 'Sau khi ban hành, phiên bản này không sửa được nữa; muốn thay đổi phải tạo phiên bản mới.',
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: async () => {
        const rev = dirty ? await save(true) : revision;
        if (rev === null) return;
        try {
          await mutation.mutateAsync({ kind: 'publish', id: form.id, body: { revision: rev } });
          message.success('Đã ban hành biểu mẫu.');
        } catch (e) {
          handleError(e, 'Ban hành');
        }
      },
    });
  };

  const newDraft = async () => {
    try {
      await mutation.mutateAsync({ kind: 'newDraft', id: form.id });
      message.success('Đã tạo phiên bản mới (bản nháp) từ phiên bản đã ban hành.');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

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

  const status = version.status === 'draft' ? version : form.latestPublished;
  const title = def.name || form.name;

  return (
    <>
      <PageTitle
        title={title}
        subtitle={
          <Space size={8} wrap>
            <span>
              Ký hiệu: <b>{def.code || form.code}</b>
            </span>
            <span>· {FORM_KIND_LABELS[form.kind]}</span>
            <span>· {form.ownerUnitName}</span>
            {status && (
              <>
                <span>· Phiên bản {version.versionNo}</span>
                <VersionTag v={version} />
              </>
            )}
            {dirty && <Tag color="orange">Chưa lưu</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button
                icon={<SaveOutlined aria-hidden />}
                onClick={() => void save()}
                loading={mutation.isPending && mutation.variables?.kind === 'saveDraft'}
                disabled={!dirty}
              >
                Lưu nháp
              </Button>
            )}
            {editable && (
              <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={publish}>
                Ban hành
              </Button>
            )}
            {form.canDesign && !form.draft && form.latestPublished && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void newDraft()}>
                Tạo phiên bản mới
              </Button>
            )}
            <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setDialog('versions')}>
              Phiên bản
            </Button>
            <Button icon={<DiffOutlined aria-hidden />} onClick={() => setDialog('diff')} disabled={(versions.data?.length ?? 0) < 2}>
              So sánh phiên bản
            </Button>
            {form.canDesign && form.latestPublished && (
              <Button icon={<ShareAltOutlined aria-hidden />} onClick={() => setDialog('share')}>
                Chia sẻ
              </Button>
            )}
            {!form.canDesign && form.latestPublished && (
              <Button icon={<CopyOutlined aria-hidden />} onClick={() => setDialog('copy')}>
                Sao chép để điều chỉnh
              </Button>
            )}
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => exportFormExcel(form.id, version.id)}>
              Xuất Excel
            </Button>
          </Space>
        }
      />
      {!editable && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          title={
            form.canDesign
              ? 'Đây là phiên bản đã ban hành, chỉ xem. Bấm “Tạo phiên bản mới” để điều chỉnh.'
              : 'Biểu mẫu của đơn vị khác, chỉ xem. Bấm “Sao chép để điều chỉnh” để tạo bản của đơn vị mình.'
          }
        />
      )}
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
      {dialog === 'versions' && (
        <VersionsDrawer form={form} versions={versions.data ?? []} onClose={() => setDialog(null)} onCompare={() => setDialog('diff')} />
      )}
      {dialog === 'diff' && <DiffModal formId={form.id} versions={versions.data ?? []} onClose={() => setDialog(null)} />}
      {dialog === 'share' && <ShareModal form={form} onClose={() => setDialog(null)} />}
      {dialog === 'copy' && <CopyModal form={form} onClose={() => setDialog(null)} />}
    </>
  );
}
