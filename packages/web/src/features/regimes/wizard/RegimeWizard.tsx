import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Modal, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { todayInVietnam, type RegimeDetail } from '@baocao/core';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { usePeriodPreview, usePublishedForms, useRegimeMutation, type RegimeProblem } from '../../../api/regimes.ts';
import { useCurrentUser } from '../../../api/session.ts';
import { useUnitList } from '../../../api/units.ts';
import { PageTitle } from '../../../shared/Page.tsx';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { PeriodPreviewTable } from '../PeriodPreviewTable.tsx';
import { RegimeElements, type ElementNames } from '../RegimeElements.tsx';
import { ContentStep, GeneralStep, type StepProps } from './GeneralSteps.tsx';
import { DeadlinesStep } from './DeadlinesStep.tsx';
import { FormsStep } from './FormsStep.tsx';
import { PeriodsStep } from './PeriodsStep.tsx';
import { ReceiverStep, UnitsStep } from './UnitsSteps.tsx';
import {
  defaultContent,
  fromStoredContent,
  indicatorLabel,
  isTimingPath,
  localProblems,
  previewContent,
  problemsFromError,
  REVIEW_STEP,
  stepOfPath,
  STEPS,
  toBodyContent,
  type IndicatorName,
  type IndicatorNames,
  type WizardState,
} from './model.ts';
import '../regimes.css';

const ALL_STEPS = STEPS.map((_, i) => i);
const PREVIEW_STEPS = new Set([4, 5, REVIEW_STEP]);

function dedupe(problems: RegimeProblem[]): RegimeProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The regime wizard, step by step along ND 09/2019's eleven elements. `detail` is the regime whose
 * draft is edited; without it a new regime is created on the first save.
 */
export function RegimeWizard({ detail, initialStep = 0 }: { detail?: RegimeDetail; initialStep?: number }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const mutation = useRegimeMutation();
  const today = todayInVietnam();
  const isNew = !detail;

  const [state, setState] = useState<WizardState>(() =>
    detail
      ? { ownerUnitId: detail.ownerUnitId, code: detail.code, content: fromStoredContent(detail.content, today) }
      : { ownerUnitId: me.unitId, code: '', content: defaultContent(today) },
  );
  const [revision, setRevision] = useState(detail?.draft?.revision ?? 0);
  const [dirty, setDirtyState] = useState(false);
  // Read by the navigation blocker, which may run before the next render (right after a save).
  const dirtyRef = useRef(false);
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  useBlocker({
    shouldBlockFn: () => dirtyRef.current && !window.confirm('Chế độ báo cáo có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?'),
    enableBeforeUnload: () => dirtyRef.current,
  });
  const [step, setStep] = useState(Math.min(Math.max(initialStep, 0), REVIEW_STEP));
  // Steps whose own problems are shown: the ones left once, or all after a save attempt.
  const [checked, setChecked] = useState<ReadonlySet<number>>(() => new Set(isNew ? [] : ALL_STEPS));
  const [serverProblems, setServerProblems] = useState<RegimeProblem[]>([]);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishNote, setPublishNote] = useState('');

  const update: StepProps['update'] = (fn) => {
    setState(fn);
    setDirty(true);
    setServerProblems([]);
  };

  const local = useMemo(() => localProblems(state), [state]);
  const timingBlocked = local.some((p) => isTimingPath(p.path));
  const previewInput = useMemo(() => (timingBlocked ? null : previewContent(state.content)), [timingBlocked, state.content]);
  const debouncedPreview = useDebounced(previewInput, 500);
  const preview = usePeriodPreview(debouncedPreview);
  const previewProblems = useMemo(
    () => (preview.error ? problemsFromError(preview.error).filter((p) => isTimingPath(p.path)) : []),
    [preview.error],
  );

  const problems = useMemo(
    () => dedupe([...serverProblems, ...local.filter((p) => checked.has(stepOfPath(p.path))), ...previewProblems]),
    [serverProblems, local, checked, previewProblems],
  );
  const stepErrors = useMemo(() => {
    const counts = new Map<number, number>();
    for (const p of problems) counts.set(stepOfPath(p.path), (counts.get(stepOfPath(p.path)) ?? 0) + 1);
    return counts;
  }, [problems]);

  const goTo = (next: number) => {
    setChecked((c) => new Set([...c, step]));
    setStep(next);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  // ---------- Names for the review ----------
  const [indicatorNames, setIndicatorNames] = useState<IndicatorNames>(() => detail?.names.indicators ?? {});
  const rememberIndicators = useCallback((found: (IndicatorName & { id: string })[]) => {
    setIndicatorNames((known) => {
      const fresh = found.filter((i) => known[i.id]?.code !== i.code || known[i.id]?.name !== i.name);
      return fresh.length ? { ...known, ...Object.fromEntries(fresh.map((i) => [i.id, { code: i.code, name: i.name }])) } : known;
    });
  }, []);
  const { data: units = [] } = useUnitList(false);
  const allForms = usePublishedForms(['outline', 'table', 'list']);
  const names = useMemo<ElementNames>(() => {
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const formNames = new Map((allForms.data ?? []).map((f) => [f.id, `${f.code} – ${f.name}`]));
    return {
      unit: (id) => unitNames.get(id) ?? detail?.names.units[id] ?? 'Đơn vị không xem được',
      form: (id) =>
        formNames.get(id) ??
        (detail?.names.forms[id] ? `${detail.names.forms[id].code} – ${detail.names.forms[id].name}` : 'Biểu mẫu không xem được'),
      indicator: (id) => (indicatorNames[id] ? indicatorLabel(indicatorNames[id]) : 'Chỉ tiêu không xem được'),
    };
  }, [units, allForms.data, detail, indicatorNames]);

  // ---------- Save and publish ----------
  const handleError = (e: unknown, what: string) => {
    if (isApiError(e, 'CONFLICT')) {
      modal.error({
        title: 'Chế độ báo cáo đã được người khác sửa',
        content: 'Bản nháp đã được người khác sửa sau khi bạn mở. Hãy tải lại trang để lấy bản mới nhất rồi làm lại thay đổi của mình.',
        okText: 'Tải lại trang',
        onOk: () => window.location.reload(),
      });
      return;
    }
    if (isApiError(e, 'REGIME_VERSION_PUBLISHED')) {
      modal.error({
        title: 'Phiên bản này đã được ban hành',
        content: `${errorMessage(e)} Hãy tải lại trang; muốn thay đổi thì bấm “Tạo phiên bản mới”.`,
        okText: 'Tải lại trang',
        onOk: () => window.location.reload(),
      });
      return;
    }
    const ps = problemsFromError(e);
    if (ps.length) {
      setServerProblems(ps);
      setChecked(new Set(ALL_STEPS));
      message.error(`${what} không thành công: còn ${ps.length} nội dung cần sửa (xem danh sách lỗi).`);
      setStep(Math.min(...ps.map((p) => stepOfPath(p.path))));
      return;
    }
    message.error(errorMessage(e));
  };

  /** Creates the regime on the first save, then saves the draft. */
  const save = async (quiet = false): Promise<RegimeDetail | null> => {
    setChecked(new Set(ALL_STEPS));
    if (local.length) {
      message.error(`Chưa lưu được: còn ${local.length} nội dung cần bổ sung hoặc sửa (xem danh sách lỗi).`);
      setStep(Math.min(...local.map((p) => stepOfPath(p.path))));
      return null;
    }
    try {
      const content = toBodyContent(state.content);
      const res = detail
        ? await mutation.mutateAsync({ kind: 'saveDraft', id: detail.id, body: { revision, content } })
        : await mutation.mutateAsync({ kind: 'create', body: { ownerUnitId: state.ownerUnitId, code: state.code.trim(), content } });
      setRevision(res.draft?.revision ?? revision);
      setDirty(false);
      if (!quiet) message.success(isNew ? 'Đã tạo chế độ báo cáo (bản nháp).' : 'Đã lưu bản nháp.');
      if (isNew && !quiet) void navigate({ to: '/che-do-bao-cao/$id', params: { id: res.id }, search: { buoc: step }, replace: true });
      return res;
    } catch (e) {
      handleError(e, 'Lưu nháp');
      return null;
    }
  };

  const openPublish = () => {
    setChecked(new Set(ALL_STEPS));
    if (local.length) {
      message.error(`Chưa ban hành được: còn ${local.length} nội dung cần bổ sung hoặc sửa (xem danh sách lỗi).`);
      setStep(Math.min(...local.map((p) => stepOfPath(p.path))));
      return;
    }
    setPublishOpen(true);
  };

  const publish = async () => {
    const saved = dirty || isNew ? await save(true) : null;
    if ((dirty || isNew) && !saved) {
      setPublishOpen(false);
      return;
    }
    const id = saved?.id ?? detail!.id;
    const rev = saved?.draft?.revision ?? revision;
    try {
      await mutation.mutateAsync({ kind: 'publish', id, body: { revision: rev, note: publishNote.trim() || null } });
      setPublishOpen(false);
      message.success('Đã ban hành chế độ báo cáo. Hệ thống sẽ tự mở các kỳ báo cáo theo lịch.');
      void navigate({ to: '/che-do-bao-cao/$id', params: { id }, search: {}, replace: true });
    } catch (e) {
      setPublishOpen(false);
      handleError(e, 'Ban hành');
    }
  };

  const saving = mutation.isPending;
  const stepProps: StepProps = {
    state,
    update,
    problems,
    isNew,
    names: detail?.names,
    ownerName: detail?.ownerUnitName,
    indicatorNames,
    rememberIndicators,
  };
  const levelLabels = state.content.deadlines.map((d) => d.label);
  const title = isNew ? 'Tạo chế độ báo cáo' : state.content.name || detail.name;

  return (
    <>
      <PageTitle
        title={title}
        subtitle={
          <Space size={8} wrap>
            {!isNew && (
              <span>
                Ký hiệu: <b>{detail.code}</b> · {detail.ownerUnitName}
              </span>
            )}
            {detail?.draft && <Tag>Bản nháp phiên bản {detail.draft.versionNo}</Tag>}
            {detail?.current && <Tag color="green">Đang áp dụng phiên bản {detail.current.versionNo}</Tag>}
            {dirty && <Tag color="orange">Chưa lưu</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/che-do-bao-cao">
              <Button>Về danh sách</Button>
            </Link>
            {detail?.current && (
              <Link to="/che-do-bao-cao/$id" params={{ id: detail.id }} search={{ xem: 'chi-tiet' }}>
                <Button>Kỳ báo cáo, theo dõi</Button>
              </Link>
            )}
            <Button
              icon={<SaveOutlined aria-hidden />}
              onClick={() => void save()}
              loading={saving && mutation.variables?.kind !== 'publish'}
              disabled={!isNew && !dirty}
            >
              Lưu nháp
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined aria-hidden />}
              onClick={openPublish}
              loading={saving && mutation.variables?.kind === 'publish'}
            >
              Ban hành
            </Button>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6} xxl={5}>
          <Card size="small" className="regime-steps-card">
            <Steps
              orientation="vertical"
              size="small"
              current={step}
              onChange={goTo}
              items={STEPS.map((s, i) => {
                const n = stepErrors.get(i) ?? 0;
                return {
                  title: `${i + 1}. ${s.title}`,
                  content: n ? `${n} lỗi cần sửa` : s.hint,
                  status: n ? 'error' : i === step ? 'process' : checked.has(i) ? 'finish' : 'wait',
                };
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18} xxl={19}>
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="regime-problems"
              style={{ marginBottom: 12 }}
              title={`Còn ${problems.length} nội dung cần bổ sung hoặc sửa`}
              description={
                <ul className="regime-problem-list">
                  {problems.slice(0, 20).map((p, i) => (
                    <li key={i}>
                      <Button type="link" size="small" onClick={() => goTo(stepOfPath(p.path))}>
                        Bước {stepOfPath(p.path) + 1}. {STEPS[stepOfPath(p.path)]!.title}:
                      </Button>{' '}
                      {p.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Card title={`Bước ${step + 1}. ${STEPS[step]!.title}`} data-testid="regime-step">
            <Form layout="vertical" component="div">
              {step === 0 && <GeneralStep {...stepProps} />}
              {step === 1 && <ContentStep {...stepProps} />}
              {step === 2 && <UnitsStep {...stepProps} />}
              {step === 3 && <ReceiverStep {...stepProps} />}
              {step === 4 && <PeriodsStep {...stepProps} />}
              {step === 5 && <DeadlinesStep {...stepProps} />}
              {step === 6 && <FormsStep {...stepProps} />}
            </Form>
            {step === REVIEW_STEP && (
              <>
                {local.length > 0 ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={`Còn ${local.length} nội dung cần bổ sung trước khi lưu hoặc ban hành.`}
                  />
                ) : (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="Đã đủ các nội dung bắt buộc. Kiểm tra lại rồi bấm “Ban hành”: hệ thống sẽ tự mở các kỳ báo cáo và giao cho các đơn vị thực hiện."
                  />
                )}
                <RegimeElements
                  content={state.content}
                  code={state.code}
                  ownerName={detail?.ownerUnitName ?? names.unit(state.ownerUnitId)}
                  names={names}
                />
              </>
            )}
            <Flex justify="space-between" style={{ marginTop: 16 }} wrap gap={8}>
              <Button icon={<ArrowLeftOutlined aria-hidden />} disabled={step === 0} onClick={() => goTo(step - 1)}>
                Quay lại
              </Button>
              {step < REVIEW_STEP ? (
                <Button type="primary" onClick={() => goTo(step + 1)}>
                  Tiếp tục <ArrowRightOutlined aria-hidden />
                </Button>
              ) : (
                <Space>
                  <Button
                    icon={<SaveOutlined aria-hidden />}
                    onClick={() => void save()}
                    disabled={!isNew && !dirty}
                    loading={saving && mutation.variables?.kind !== 'publish'}
                  >
                    Lưu nháp
                  </Button>
                  <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={openPublish}>
                    Ban hành
                  </Button>
                </Space>
              )}
            </Flex>
          </Card>
          {PREVIEW_STEPS.has(step) && (
            <Card
              style={{ marginTop: 16 }}
              title={
                <Space>
                  Lịch 12 kỳ báo cáo tiếp theo (xem trước)
                  {preview.isFetching && <Spin size="small" />}
                </Space>
              }
              data-testid="period-preview"
              aria-live="polite"
            >
              {timingBlocked ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="Nhập đủ và đúng tần suất, các kỳ báo cáo và thời hạn gửi để xem lịch."
                />
              ) : preview.error && !previewProblems.length ? (
                <Alert type="error" showIcon title={errorMessage(preview.error)} />
              ) : (
                <>
                  {previewProblems.length > 0 && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 12 }}
                      title="Lịch chưa hợp lệ"
                      description={
                        <ul className="regime-problem-list">
                          {previewProblems.map((p, i) => (
                            <li key={i}>{p.message}</li>
                          ))}
                        </ul>
                      }
                    />
                  )}
                  {!preview.error && (
                    <PeriodPreviewTable
                      data-testid="period-preview-table"
                      periods={preview.data?.periods ?? []}
                      levelLabels={levelLabels}
                      loading={preview.isLoading}
                    />
                  )}
                </>
              )}
            </Card>
          )}
        </Col>
      </Row>
      <Modal
        open={publishOpen}
        title="Ban hành chế độ báo cáo?"
        okText="Ban hành"
        cancelText="Hủy"
        onOk={() => void publish()}
        confirmLoading={saving}
        onCancel={() => setPublishOpen(false)}
      >
        <Typography.Paragraph>
          Sau khi ban hành, hệ thống tự mở các kỳ báo cáo theo lịch và giao cho các đơn vị thực hiện. Phiên bản đã ban hành không sửa được;
          muốn thay đổi phải tạo phiên bản mới.
        </Typography.Paragraph>
        <label htmlFor="regime-publish-note">Ghi chú phiên bản (không bắt buộc)</label>
        <Input.TextArea
          id="regime-publish-note"
          value={publishNote}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => setPublishNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
