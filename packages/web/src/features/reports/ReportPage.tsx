import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Space, Tabs, Tooltip } from 'antd';
import {
  REPORT_STATE_LABELS,
  type NarrativeSection,
  type ReportAction,
  type ReportDataPatch,
  type ReportDetail,
  type ReportFormRef,
} from '@baocao/core';
import { useReport } from '../../api/reports.ts';
import { LoadedPage } from '../regimes/parts.tsx';
import type { EntryGridHandle } from '../forms/grid/EntryGrid.tsx';
import { AttachmentsTab } from './AttachmentsTab.tsx';
import { ExcelRoundTrip } from './ExcelRoundTrip.tsx';
import { NarrativeTab } from './NarrativeTab.tsx';
import { narrativePatch } from './draftPatch.ts';
import { EntryTab } from './EntryTab.tsx';
import { formatAt, type ReportProblem } from './format.ts';
import { tableFormOf, writesOf } from './formData.ts';
import { formValueReader, type EvaluationCache } from './liveValues.ts';
import { ProblemsAlert } from './ProblemsAlert.tsx';
import { ListEntryTab } from './ListEntryTab.tsx';
import { ReportHeader } from './ReportHeader.tsx';
import { Timeline } from './Timeline.tsx';
import { useReportDraft, type ReportDraft } from './useReportDraft.ts';
import { VersionsTab } from './VersionsTab.tsx';
import { WorkflowBar } from './WorkflowBar.tsx';
import './reports.css';

const NARRATIVE = 'thuyet-minh';
const ATTACHMENTS = 'dinh-kem';
const HISTORY = 'lich-su';
const VERSIONS = 'phien-ban';

/** Actions only the receiving unit takes: a user who sees them came from "Tiếp nhận báo cáo". */
const RECEIVER_ACTIONS: ReadonlySet<ReportAction> = new Set([
  'accept',
  'return',
  'approve_correction',
  'refuse_correction',
  'record_out_of_band',
]);

/** One report: its header, the workflow, and a tab per form, the narrative, attachments, history and versions. */
export function ReportPage({ id }: { id: string }) {
  const { data, error } = useReport(id);
  return (
    <LoadedPage data={data} error={error} failedTitle="Không mở được báo cáo" back={<Link to="/bao-cao">Về danh sách báo cáo</Link>}>
      {(d) => <ReportView key={d.id} detail={d} />}
    </LoadedPage>
  );
}

function ReportView({ detail }: { detail: ReportDetail }) {
  const draft = useReportDraft(detail);
  const editable = detail.editable && draft.status.kind !== 'locked';
  const grids = useRef(new Map<string, EntryGridHandle>());
  const [problems, setProblems] = useState<{ title: string; items: ReportProblem[] } | null>(null);
  const [focus, setFocus] = useState<{ formVersionId: string; cell: string } | null>(null);

  const dataForms = detail.forms.filter((f) => f.kind !== 'outline');
  const hasOutline = detail.forms.some((f) => f.kind === 'outline');
  const [tab, setTab] = useState<string>(dataForms[0]?.versionId ?? (hasOutline ? NARRATIVE : ATTACHMENTS));

  // Go to a problem's cell once its tab is showing (the grid registers itself as the tab mounts).
  useEffect(() => {
    if (!focus || tab !== focus.formVersionId) return;
    const timer = setTimeout(() => {
      grids.current.get(focus.formVersionId)?.focusCell(focus.cell);
      setFocus(null);
    }, 30);
    return () => clearTimeout(timer);
  }, [focus, tab]);

  const jump = useCallback(
    (p: ReportProblem) => {
      const form = detail.forms.find((f) => f.versionId === p.formVersionId);
      if (p.sectionId || form?.kind === 'outline') {
        setTab(NARRATIVE);
        const section = p.sectionId;
        // The narrative's editors carry data-testid="narrative-<section id>"; show the one the problem is about.
        if (section) {
          setTimeout(() => {
            const el = document.querySelector<HTMLElement>(`[data-testid="narrative-${CSS.escape(section)}"]`);
            el?.scrollIntoView({ block: 'center' });
            el?.focus({ preventScroll: true });
          }, 60);
        }
        return;
      }
      if (!form) return;
      setTab(form.versionId);
      if (p.cell) setFocus({ formVersionId: form.versionId, cell: p.cell });
    },
    [detail.forms],
  );
  const formName = useCallback(
    (versionId: string) => {
      const f = detail.forms.find((x) => x.versionId === versionId);
      return f ? `${f.code} – ${f.name}` : undefined;
    },
    [detail.forms],
  );

  const registerGrid = useCallback((versionId: string, h: EntryGridHandle | null) => {
    if (h) grids.current.set(versionId, h);
    else grids.current.delete(versionId);
  }, []);

  const { change, flush } = draft;
  /** An Excel import: cells of a showing grid go through it (one undoable step), the rest straight into the pending patch; then saved. */
  const applyPatch = useCallback(
    async (patch: ReportDataPatch) => {
      for (const [fv, f] of Object.entries(patch.forms ?? {})) {
        const ref = detail.forms.find((x) => x.versionId === fv);
        const form = ref ? tableFormOf(ref) : null;
        const grid = grids.current.get(fv);
        if (grid && form && f.values) {
          grid.apply(writesOf(form, f.values));
          const { values: _values, ...rest } = f;
          change({ forms: { [fv]: rest } });
        } else {
          change({ forms: { [fv]: f } });
        }
      }
      if (patch.narrative) change({ narrative: patch.narrative });
      if (!(await flush())) throw new Error('Chưa lưu được số liệu vừa nhận từ tệp Excel; xem thông báo ở đầu trang.');
    },
    [detail.forms, change, flush],
  );

  // The narrative's live figures read the forms as they are when the narrative is showing.
  const [narrativeForms, setNarrativeForms] = useState(draft.data.forms);
  useEffect(() => {
    if (tab === NARRATIVE) setNarrativeForms(draft.data.forms);
  }, [tab, draft.data.forms]);
  const evaluations = useRef<EvaluationCache>(new Map());
  const formValues = useMemo(
    () => formValueReader(detail.forms, { forms: narrativeForms }, detail.periodValues, evaluations.current),
    [detail.forms, narrativeForms, detail.periodValues],
  );
  const onNarrative = useCallback(
    (outlineVersionId: string, sectionId: string, section: NarrativeSection | null) =>
      change(narrativePatch(outlineVersionId, sectionId, section)),
    [change],
  );

  const receiver = detail.actions.some((a) => RECEIVER_ACTIONS.has(a));
  const back = receiver
    ? ({ to: '/tiep-nhan', label: 'Tiếp nhận báo cáo' } as const)
    : ({ to: '/bao-cao', label: 'Danh sách báo cáo' } as const);
  const deadlinePassed = new Date(detail.deadlineAt).getTime() < Date.now();
  const unsent = ['draft', 'submitted', 'reviewed', 'approved', 'returned'].includes(detail.state);

  const items = [
    ...dataForms.map((f) => ({
      key: f.versionId,
      label: (
        <Tooltip title={f.name}>
          <span data-testid={`tab-${f.code}`}>{f.code}</span>
        </Tooltip>
      ),
      children: (
        <FormTab detail={detail} formRef={f} draft={draft} editable={editable} registerGrid={registerGrid} applyPatch={applyPatch} />
      ),
    })),
    ...(hasOutline
      ? [
          {
            key: NARRATIVE,
            label: 'Thuyết minh',
            children: (
              <NarrativeTab
                key={draft.generation}
                forms={detail.forms}
                narrative={draft.data.narrative}
                editable={editable}
                formValues={formValues}
                onChange={onNarrative}
              />
            ),
          },
        ]
      : []),
    {
      key: ATTACHMENTS,
      label: `Tài liệu đính kèm (${draft.base.attachments.length})`,
      children: (
        <AttachmentsTab
          reportId={detail.id}
          versionNo={detail.version.versionNo}
          attachments={draft.base.attachments}
          editable={editable}
          onChanged={() => void draft.rebase()}
        />
      ),
    },
    { key: HISTORY, label: 'Lịch sử', children: <Timeline detail={detail} /> },
    { key: VERSIONS, label: `Phiên bản (${detail.versions.length})`, children: <VersionsTab detail={detail} /> },
  ];

  return (
    <div className="report-page" data-testid="report-page">
      <ReportHeader detail={detail} back={back} />
      <WorkflowBar detail={detail} draft={draft} onProblems={setProblems} />
      <div className="report-banners">
        <SaveBanners draft={draft} formName={formName} onJump={jump} />
        {problems && (
          <ProblemsAlert
            title={problems.title}
            problems={problems.items}
            formName={formName}
            onJump={jump}
            onClose={() => setProblems(null)}
          />
        )}
        {!detail.editable && detail.state !== 'accepted' && (
          <Alert
            type="info"
            showIcon
            title={`Báo cáo đang ở trạng thái “${REPORT_STATE_LABELS[detail.state]}”: chỉ xem, không sửa được số liệu.`}
          />
        )}
        {detail.state === 'accepted' && (
          <Alert
            type="success"
            showIcon
            title="Báo cáo đã được tiếp nhận. Phiên bản này không sửa được; muốn thay đổi phải đề nghị đính chính."
          />
        )}
        {unsent && deadlinePassed && !detail.lateSendingAllowed && (
          <Alert type="warning" showIcon title="Đã quá thời hạn gửi báo cáo và chế độ báo cáo không cho phép gửi muộn." />
        )}
        {detail.state === 'correction_requested' && <CorrectionNotice detail={detail} />}
      </div>
      <Tabs className="report-tabs" activeKey={tab} onChange={setTab} items={items} />
    </div>
  );
}

/** The latest correction request with its reason, and the difference a new version makes once approved. */
function CorrectionNotice({ detail }: { detail: ReportDetail }) {
  const ev = detail.events.findLast((e) => e.action === 'request_correction');
  return (
    <Alert
      type="warning"
      showIcon
      title="Đơn vị đề nghị đính chính báo cáo đã tiếp nhận"
      description={
        ev ? (
          <>
            {ev.actorName ?? 'Đơn vị gửi'} đề nghị lúc {formatAt(ev.at)}. Lý do: {ev.reason ?? '—'}
          </>
        ) : null
      }
    />
  );
}

/** One data form's tab: the entry grid for a table form; a list form's records with its Excel upload. */
function FormTab({
  detail,
  formRef,
  draft,
  editable,
  registerGrid,
  applyPatch,
}: {
  detail: ReportDetail;
  formRef: ReportFormRef;
  draft: ReportDraft;
  editable: boolean;
  registerGrid: (versionId: string, h: EntryGridHandle | null) => void;
  applyPatch: (patch: ReportDataPatch) => Promise<void>;
}) {
  const fv = formRef.versionId;
  const gridRef = useCallback((h: EntryGridHandle | null) => registerGrid(fv, h), [registerGrid, fv]);
  if (formRef.kind === 'list') {
    return (
      <ListEntryTab
        formRef={formRef}
        records={draft.data.forms[fv]?.records ?? []}
        readOnly={!editable}
        onChange={draft.change}
        gridRef={gridRef}
        extra={
          <div style={{ marginBottom: 8 }}>
            <ExcelRoundTrip reportId={detail.id} form={formRef} editable={editable} onApply={applyPatch} />
          </div>
        }
      />
    );
  }
  const form = tableFormOf(formRef);
  if (!form) return <Alert type="error" showIcon title={`Biểu "${formRef.code}" có định nghĩa không hợp lệ, không nhập được số liệu.`} />;
  return (
    <EntryTab
      key={`${fv}:${draft.generation}`}
      detail={detail}
      formRef={formRef}
      form={form}
      formData={draft.data.forms[fv]}
      readOnly={!editable}
      onChange={draft.change}
      onApplyPatch={applyPatch}
      gridRef={gridRef}
    />
  );
}

/** The autosave's banners: a copy kept from last time, a conflict, refused cells, a lost connection. */
function SaveBanners({
  draft,
  formName,
  onJump,
}: {
  draft: ReportDraft;
  formName: (versionId: string) => string | undefined;
  onJump: (p: ReportProblem) => void;
}) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { status, offer } = draft;
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {offer && (
        <Alert
          type="warning"
          showIcon
          data-testid="restore-banner"
          title={`Trên máy này còn ${offer.count} thay đổi chưa lưu${offer.updatedAt ? ` (lúc ${formatAt(offer.updatedAt)})` : ''}.`}
          description={
            offer.stale
              ? 'Báo cáo đã được lưu lại sau thời điểm đó; khôi phục sẽ áp dụng các thay đổi này lên bản mới nhất.'
              : 'Có thể do mất kết nối hoặc đóng trang trước khi kịp lưu.'
          }
          action={
            <Space orientation="vertical">
              <Button type="primary" size="small" onClick={draft.restore}>
                Khôi phục {offer.count} thay đổi chưa lưu
              </Button>
              <Button size="small" onClick={draft.dropOffer}>
                Bỏ các thay đổi này
              </Button>
            </Space>
          }
        />
      )}
      {status.kind === 'conflict' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="conflict-banner"
          title={`Báo cáo vừa được ${status.by ?? 'người khác'} lưu. Thay đổi của bạn chưa ghi đè lên.`}
          description={`Bạn còn ${draft.pendingCount} thay đổi chưa lưu. Hãy tải bản mới nhất rồi áp dụng lại thay đổi của mình, hoặc bỏ thay đổi của mình.`}
          action={
            <Space orientation="vertical">
              <Button type="primary" size="small" loading={busy} onClick={() => void act(draft.reapplyOnLatest)}>
                Tải bản mới nhất và áp dụng lại thay đổi của tôi
              </Button>
              <Button
                size="small"
                danger
                disabled={busy}
                onClick={() =>
                  modal.confirm({
                    title: 'Bỏ thay đổi của bạn?',
                    content: `${draft.pendingCount} thay đổi chưa lưu sẽ mất; báo cáo hiển thị bản mới nhất đã lưu.`,
                    okText: 'Bỏ thay đổi của tôi',
                    okButtonProps: { danger: true },
                    cancelText: 'Hủy',
                    onOk: () => act(draft.discardMine),
                  })
                }
              >
                Bỏ thay đổi của tôi
              </Button>
            </Space>
          }
        />
      )}
      {status.kind === 'invalid' && (
        <ProblemsAlert
          title={
            status.problems.length
              ? 'Số liệu chưa được lưu vì có ô không hợp lệ; hãy sửa các ô dưới đây (các thay đổi vẫn được giữ trên máy này).'
              : `Số liệu chưa được lưu: ${status.message} (các thay đổi vẫn được giữ trên máy này).`
          }
          problems={status.problems}
          formName={formName}
          onJump={onJump}
        />
      )}
      {status.kind === 'offline' && (
        <Alert
          type="warning"
          showIcon
          title="Mất kết nối tới máy chủ: số liệu được giữ trên máy này và sẽ tự lưu khi kết nối lại."
          action={
            <Button size="small" onClick={() => void draft.flush()}>
              Thử lưu lại
            </Button>
          }
        />
      )}
      {status.kind === 'locked' && <Alert type="error" showIcon title={status.message} />}
      {status.kind === 'error' && (
        <Alert
          type="error"
          showIcon
          title={`Chưa lưu được: ${status.message}`}
          action={
            <Button size="small" onClick={() => void draft.flush()}>
              Thử lưu lại
            </Button>
          }
        />
      )}
    </>
  );
}
