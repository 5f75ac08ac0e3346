import { useState } from 'react';
import { Button, Empty, Tag, Timeline as AntTimeline, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { REPORT_ACTION_LABELS, REPORT_STATE_COLORS, REPORT_STATE_LABELS, type ReportDetail, type ReportEventItem } from '@baocao/core';
import { useReportSnapshot } from '../../api/reports.ts';
import { formatAt } from './format.ts';
import { ReportContentModal } from './ReportContent.tsx';

/** What happened, as a reader says it. */
export function eventLabel(action: ReportEventItem['action']): string {
  return action === 'created' ? 'Bắt đầu soạn báo cáo' : REPORT_ACTION_LABELS[action];
}

const EVENT_COLORS: Partial<Record<ReportEventItem['action'], string>> = {
  created: 'gray',
  accept: 'green',
  return: 'red',
  send_back: 'red',
  refuse_correction: 'red',
  request_correction: 'orange',
  approve_correction: 'orange',
  record_out_of_band: 'purple',
};

/** Every event of the report (who, when, what, from → to, why, which version), each with the content it left. */
export function Timeline({ detail }: { detail: ReportDetail }) {
  const [open, setOpen] = useState<ReportEventItem | null>(null);
  const snapshot = useReportSnapshot(detail.id, open?.contentHash ?? null);
  const events = [...detail.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (events.length === 0) return <Empty description="Chưa có sự kiện nào." />;
  return (
    <div data-testid="report-timeline">
      <AntTimeline
        items={events.map((e) => ({
          key: e.id,
          color: EVENT_COLORS[e.action] ?? 'blue',
          content: (
            <div className="report-event" data-testid="timeline-item">
              <div>
                <strong>{eventLabel(e.action)}</strong>
                <Typography.Text type="secondary"> · {formatAt(e.at)}</Typography.Text>
                {e.actorName && <span> · {e.actorName}</span>}
              </div>
              <div className="report-event-states">
                {e.fromState && (
                  <>
                    <Tag color={REPORT_STATE_COLORS[e.fromState]}>{REPORT_STATE_LABELS[e.fromState]}</Tag>→{' '}
                  </>
                )}
                <Tag color={REPORT_STATE_COLORS[e.toState]}>{REPORT_STATE_LABELS[e.toState]}</Tag>
                <Typography.Text type="secondary">Phiên bản {e.versionNo}</Typography.Text>
              </div>
              {e.reason && (
                <div className="report-event-reason">
                  <span className="report-fact-label">Lý do:</span> {e.reason}
                </div>
              )}
              {e.receivedAt && (
                <div>
                  <span className="report-fact-label">Nhận ngoài hệ thống lúc:</span> {formatAt(e.receivedAt)}
                </div>
              )}
              {e.evidence && (
                <div>
                  <span className="report-fact-label">Bằng chứng:</span> {e.evidence}
                </div>
              )}
              {e.contentHash && (
                <Button
                  type="link"
                  size="small"
                  icon={<EyeOutlined aria-hidden />}
                  className="report-link-button"
                  onClick={() => setOpen(e)}
                >
                  Xem nội dung
                </Button>
              )}
            </div>
          ),
        }))}
      />
      {open && (
        <ReportContentModal
          title={`Nội dung báo cáo lúc ${eventLabel(open.action).toLocaleLowerCase('vi')} (${formatAt(open.at)}) – phiên bản ${open.versionNo}`}
          reportId={detail.id}
          versionNo={open.versionNo}
          forms={detail.forms}
          periodValues={detail.periodValues}
          data={snapshot.data}
          loading={snapshot.isLoading}
          error={snapshot.error}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
