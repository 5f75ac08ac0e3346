import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Space, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloudOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { ERRORS, REPORT_ACTION_LABELS, transitionNeeds, type ReportAction, type ReportDetail } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { fetchReport, useTransition } from '../../api/reports.ts';
import { reportSignaturesKey } from '../../api/signatures.ts';
import { BACKWARD_ACTIONS, orderedActions, primaryAction, problemsOf, type ReportProblem } from './format.ts';
import { saveIndicator, type IndicatorTone } from './saveStatus.ts';
import { TransitionDialog, type TransitionInputs } from './TransitionDialog.tsx';
import type { ReportDraft } from './useReportDraft.ts';

/** What the user reads once a step went through. */
export const TRANSITION_DONE: Record<Exclude<ReportAction, 'save'>, string> = {
  submit: 'Đã trình báo cáo.',
  review: 'Đã kiểm tra xong báo cáo.',
  approve: 'Đã duyệt báo cáo.',
  send: 'Đã gửi báo cáo.',
  accept: 'Đã tiếp nhận báo cáo.',
  return: 'Đã trả lại báo cáo.',
  send_back: 'Đã trả lại báo cáo cho người soạn.',
  request_correction: 'Đã gửi đề nghị đính chính.',
  approve_correction: 'Đã đồng ý đính chính: phiên bản mới của báo cáo đã được mở để sửa.',
  refuse_correction: 'Đã từ chối đề nghị đính chính.',
  record_out_of_band: 'Đã ghi nhận báo cáo nhận ngoài hệ thống.',
};

const DIALOG_INTRO: Partial<Record<ReportAction, string>> = {
  return: 'Báo cáo sẽ được trả lại đơn vị gửi để sửa và gửi lại. Lý do được gửi kèm thông báo cho đơn vị.',
  send_back: 'Báo cáo sẽ trở về trạng thái đang soạn để người nhập liệu sửa. Lý do được gửi kèm thông báo.',
  request_correction:
    'Phiên bản đã tiếp nhận giữ nguyên; nếu đơn vị nhận đồng ý, một phiên bản mới được mở để sửa và gửi lại theo cùng quy trình.',
  refuse_correction: 'Phiên bản đã tiếp nhận tiếp tục có hiệu lực.',
  record_out_of_band:
    'Dùng khi hệ thống gặp sự cố và đơn vị đã gửi báo cáo bằng thư điện tử hoặc hệ thống quản lý văn bản. Thời điểm nhận được dùng để tính đúng hạn; đơn vị bổ sung số liệu vào hệ thống sau.',
};

/**
 * Approving signs the version with the leader's own certificate and sending adds the unit's: the
 * dialog says so before the signature is made, since a signature cannot be taken back.
 */
const SIGNING_DIALOG: Partial<Record<ReportAction, { okText: string; intro: (versionNo: number) => string }>> = {
  approve: {
    okText: 'Duyệt và ký số',
    intro: (v) =>
      `Duyệt và ký số bằng chứng thư số của bạn. Chữ ký gắn với đúng nội dung phiên bản ${v} của báo cáo như hiện có; nếu báo cáo bị trả lại để sửa, chữ ký không còn hiệu lực và báo cáo phải được duyệt, ký lại.`,
  },
  send: {
    okText: 'Gửi và ký số',
    intro: (v) =>
      `Gửi và ký số bằng chứng thư số của đơn vị. Chữ ký của cơ quan, tổ chức được thêm vào phiên bản ${v} cùng chữ ký của lãnh đạo đã duyệt, rồi báo cáo được gửi cho đơn vị nhận.`,
  },
};

/** Codes answered with a list of what stops the step (shown by the page's problems list). */
const PROBLEM_CODES = new Set([
  'REPORT_HAS_ERRORS',
  'WARNINGS_UNEXPLAINED',
  'NARRATIVE_REQUIRED',
  'REPORT_CELLS_INVALID',
  'CONSOLIDATION_OVERRIDE_UNEXPLAINED',
]);

const TONE_ICON: Record<IndicatorTone, ReactNode> = {
  neutral: <CheckCircleOutlined aria-hidden />,
  ok: <CheckCircleOutlined aria-hidden />,
  busy: <LoadingOutlined aria-hidden />,
  warning: <CloudOutlined aria-hidden />,
  danger: <ExclamationCircleOutlined aria-hidden />,
};

const actionIcon = (a: ReportAction) =>
  BACKWARD_ACTIONS.has(a) ? <RollbackOutlined aria-hidden /> : a === 'send' ? <SendOutlined aria-hidden /> : null;

/**
 * The workflow buttons the user may press now (detail.actions), the natural next step primary,
 * and the save indicator. A step first saves what is pending; steps that need a reason (or, for
 * a report received outside the system, its time and evidence) ask for it first; approving and
 * sending, which sign, ask for a confirmation.
 */
export function WorkflowBar({
  detail,
  draft,
  onProblems,
}: {
  detail: ReportDetail;
  draft: ReportDraft;
  onProblems: (problems: { title: string; items: ReportProblem[] } | null) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const transition = useTransition();
  const [dialog, setDialog] = useState<ReportAction | null>(null);
  const [running, setRunning] = useState<ReportAction | null>(null);
  const actions = orderedActions(detail.actions);
  const primary = primaryAction(actions);

  const run = async (action: Exclude<ReportAction, 'save'>, inputs: TransitionInputs, fromDialog: boolean): Promise<boolean> => {
    const label = REPORT_ACTION_LABELS[action].toLocaleLowerCase('vi');
    setRunning(action);
    try {
      let revision = detail.revision;
      if (detail.editable) {
        const hadPending = draft.pendingCount > 0 || draft.status.kind === 'saving';
        if (!(await draft.flush())) {
          message.error(`Số liệu chưa lưu được nên chưa thể ${label}. Hãy xử lý thông báo ở đầu trang rồi thử lại.`);
          return false;
        }
        if (hadPending) revision = (await fetchReport(queryClient, detail.id)).revision;
      }
      await transition.mutateAsync({ id: detail.id, body: { action, revision, ...inputs } });
      // Approving and sending sign; returning supersedes signatures: the badges must read them again.
      void queryClient.invalidateQueries({ queryKey: reportSignaturesKey(detail.id) });
      onProblems(null);
      message.success(TRANSITION_DONE[action]);
      return true;
    } catch (e) {
      if (isApiError(e) && PROBLEM_CODES.has(e.code)) {
        const items = problemsOf(e.details);
        // The server's message repeats the first problem; the list below shows them all.
        onProblems({ title: items.length ? ERRORS[e.code as keyof typeof ERRORS].message : e.message, items });
        return true;
      }
      if (isApiError(e, 'REPORT_STALE') || isApiError(e, 'CONFLICT') || isApiError(e, 'TRANSITION_NOT_ALLOWED')) {
        message.error(
          isApiError(e, 'TRANSITION_NOT_ALLOWED')
            ? `${errorMessage(e)} Trang đã được tải lại với trạng thái mới nhất.`
            : 'Báo cáo vừa được người khác chuyển bước. Trang đã được tải lại với trạng thái mới nhất; hãy xem lại rồi thử lại.',
        );
        void fetchReport(queryClient, detail.id).catch(() => undefined);
        return true;
      }
      if (fromDialog) throw e;
      message.error(errorMessage(e));
      return false;
    } finally {
      setRunning(null);
    }
  };

  const press = (action: Exclude<ReportAction, 'save'>) => {
    if (transitionNeeds(action).length > 0 || SIGNING_DIALOG[action]) setDialog(action);
    else void run(action, {}, false);
  };

  const indicator = saveIndicator(draft.status, draft.pendingCount, new Date(), draft.lastSavedAt);
  return (
    <Flex className="report-workflow" justify="space-between" align="center" wrap gap={12} data-testid="workflow-bar">
      <Space wrap>
        {actions.map((a) => {
          const action = a as Exclude<ReportAction, 'save'>;
          return (
            <Button
              key={a}
              type={a === primary ? 'primary' : 'default'}
              danger={BACKWARD_ACTIONS.has(a)}
              icon={actionIcon(a)}
              loading={running === a}
              disabled={running !== null && running !== a}
              onClick={() => press(action)}
            >
              {REPORT_ACTION_LABELS[a]}
            </Button>
          );
        })}
        {actions.length === 0 && (
          <Typography.Text type="secondary">Bạn không có bước xử lý nào với báo cáo ở trạng thái này.</Typography.Text>
        )}
      </Space>
      {detail.editable && (
        <Space size={8}>
          {indicator.text && (
            <span className={`report-save report-save-${indicator.tone}`} role="status" aria-live="polite" data-testid="save-indicator">
              {TONE_ICON[indicator.tone]} {indicator.text}
            </span>
          )}
          <Button
            icon={<SaveOutlined aria-hidden />}
            onClick={() => void draft.flush()}
            disabled={draft.pendingCount === 0 || draft.status.kind === 'conflict'}
            loading={draft.status.kind === 'saving'}
          >
            Lưu
          </Button>
        </Space>
      )}
      {dialog && (
        <TransitionDialog
          title={`${REPORT_ACTION_LABELS[dialog]} báo cáo`}
          okText={SIGNING_DIALOG[dialog]?.okText ?? REPORT_ACTION_LABELS[dialog]}
          needs={transitionNeeds(dialog)}
          intro={SIGNING_DIALOG[dialog]?.intro(detail.version.versionNo) ?? DIALOG_INTRO[dialog]}
          onSubmit={(inputs) => run(dialog as Exclude<ReportAction, 'save'>, inputs, true)}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
