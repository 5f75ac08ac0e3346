import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { Space, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, CloudServerOutlined } from '@ant-design/icons';
import { REPORT_STATE_COLORS, REPORT_STATE_LABELS, TIMELINESS_LABELS, type ReportDetail } from '@baocao/core';
import { PageTitle } from '../../shared/Page.tsx';
import { DocumentDownloads } from '../signatures/DocumentDownloads.tsx';
import { SignatureBadge } from '../signatures/SignatureBadge.tsx';
import { formatWindow, TIMELINESS_COLORS } from '../regimes/format.ts';
import { formatAt, formatLateness } from './format.ts';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <span className="report-fact" data-testid={testId}>
      <span className="report-fact-label">{label}:</span> {children}
    </span>
  );
}

/** Which report this is and where it stands: regime, period, unit → receiver, state, version and its signatures, deadline, sending. */
export function ReportHeader({ detail: d, back }: { detail: ReportDetail; back: { to: '/bao-cao' | '/tiep-nhan'; label: string } }) {
  const late = formatLateness(d.lateMinutes);
  const outOfBand = d.outOfBand ? d.events.findLast((e) => e.action === 'record_out_of_band') : undefined;
  return (
    <div className="report-header" data-testid="report-header">
      <PageTitle
        title={`${d.regimeName} – ${d.periodLabel}`}
        subtitle={
          <Space size={8} wrap>
            <span>
              {d.regimeCode} · {d.unitName} → {d.receivingUnitName}
            </span>
            <Tag color={REPORT_STATE_COLORS[d.state]} data-testid="report-state">
              {REPORT_STATE_LABELS[d.state]}
            </Tag>
            <span data-testid="report-version">Phiên bản {d.version.versionNo}</span>
            <SignatureBadge reportId={d.id} versionNo={d.version.versionNo} />
            {d.outOfBand && (
              <Tooltip
                title={
                  outOfBand
                    ? `Nhận lúc ${formatAt(outOfBand.receivedAt ?? outOfBand.at)}${outOfBand.evidence ? ` · ${outOfBand.evidence}` : ''}`
                    : undefined
                }
              >
                <Tag color="magenta" icon={<CloudServerOutlined aria-hidden />}>
                  Nhận ngoài hệ thống
                </Tag>
              </Tooltip>
            )}
          </Space>
        }
      />
      <div className="report-facts">
        <Link to={back.to} className="report-back">
          <ArrowLeftOutlined aria-hidden /> {back.label}
        </Link>
        <Fact label="Hạn gửi" testId="report-deadline">
          <strong>{formatAt(d.deadlineAt)}</strong> <Tag color={TIMELINESS_COLORS[d.timeliness]}>{TIMELINESS_LABELS[d.timeliness]}</Tag>
          {late && <Tag color="orange">{late}</Tag>}
        </Fact>
        {d.sentAt && (
          <Fact label={d.outOfBand ? 'Nhận ngoài hệ thống lúc' : 'Đã gửi lúc'} testId="report-sent-at">
            {formatAt(d.sentAt)}
          </Fact>
        )}
        <Fact label="Thời gian chốt số liệu">{formatWindow(d.windowStart, d.windowEnd)}</Fact>
        {d.returnCount > 0 && <Fact label="Số lần bị trả lại">{d.returnCount}</Fact>}
        {d.periodState === 'closed' && <Tag>Kỳ báo cáo đã đóng</Tag>}
        <span style={{ marginLeft: 'auto' }}>
          <DocumentDownloads reportId={d.id} versionNo={d.version.versionNo} size="small" />
        </span>
      </div>
    </div>
  );
}
