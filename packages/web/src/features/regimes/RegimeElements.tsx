import { Descriptions, Tag, Typography } from 'antd';
import {
  CONTENT_KIND_LABELS,
  formatIsoDate,
  PERIOD_TYPE_LABELS,
  REGIME_KIND_LABELS,
  SENDING_METHOD_LABELS,
  UNIT_KIND_LABELS,
  WINDOW_MODE_LABELS,
  type RegimeContent,
} from '@baocao/core';
import { formatLocalDeadline, formatWindow } from './format.ts';
import { describeRule, needsCustomPeriods } from './wizard/model.ts';

export interface ElementNames {
  unit: (id: string) => string;
  form: (id: string) => string;
  /** "mã – tên" of an indicator; without it, indicators are only counted. */
  indicator?: (id: string) => string;
}

const MAX_UNITS_SHOWN = 30;

/** The eleven elements of ND 09/2019 Art. 7, read-only (the wizard's review and the regime's "Thông tin" tab). */
export function RegimeElements({
  content: c,
  code,
  ownerName,
  names,
}: {
  content: RegimeContent;
  code: string;
  ownerName: string;
  names: ElementNames;
}) {
  const units = c.reportingUnits;
  const indicatorName = names.indicator;
  const multiline = (text: string | null | undefined) =>
    text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph> : '—';
  return (
    <Descriptions bordered size="small" column={1} styles={{ label: { width: 260 } }} data-testid="regime-elements">
      <Descriptions.Item label="1. Tên báo cáo">
        <strong>{c.name || '—'}</strong>
        <div>
          Ký hiệu: {code || '—'} · {REGIME_KIND_LABELS[c.kind]}
          {c.isStatistical && (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              Báo cáo thống kê
            </Tag>
          )}
        </div>
        <div>Đơn vị chủ trì: {ownerName || '—'}</div>
        <div>
          Căn cứ: {c.legalBasis.documentNumber || '—'}
          {c.legalBasis.documentDate && ` ngày ${formatIsoDate(c.legalBasis.documentDate)}`}
          {c.legalBasis.issuer && ` của ${c.legalBasis.issuer}`}
        </div>
        <div>
          Hiệu lực: từ {c.effectiveFrom ? formatIsoDate(c.effectiveFrom) : '—'}
          {c.effectiveTo ? ` đến ${formatIsoDate(c.effectiveTo)}` : ''}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label="2. Nội dung yêu cầu báo cáo">
        <div>
          <Tag>{CONTENT_KIND_LABELS[c.contentKind]}</Tag>
        </div>
        {multiline(c.content)}
      </Descriptions.Item>
      <Descriptions.Item label="3. Đối tượng thực hiện báo cáo">
        {units.mode === 'explicit' ? (
          <>
            {units.unitIds.length} đơn vị:{' '}
            {units.unitIds
              .slice(0, MAX_UNITS_SHOWN)
              .map((id) => names.unit(id))
              .join('; ')}
            {units.unitIds.length > MAX_UNITS_SHOWN && ` … và ${units.unitIds.length - MAX_UNITS_SHOWN} đơn vị khác`}
          </>
        ) : units.mode === 'by_indicator' ? (
          <>
            Theo phân bổ chỉ tiêu: {units.includeCoordinating ? 'đơn vị chủ trì và đơn vị phối hợp' : 'đơn vị chủ trì'} của{' '}
            {units.indicatorIds.length} chỉ tiêu
            {indicatorName && units.indicatorIds.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="regime-elements-indicators">
                {units.indicatorIds.slice(0, MAX_UNITS_SHOWN).map((id) => (
                  <li key={id}>{indicatorName(id)}</li>
                ))}
                {units.indicatorIds.length > MAX_UNITS_SHOWN && <li>… và {units.indicatorIds.length - MAX_UNITS_SHOWN} chỉ tiêu khác</li>}
              </ul>
            )}
          </>
        ) : (
          <>
            Các đơn vị loại {units.kinds.map((k) => UNIT_KIND_LABELS[k]).join(', ') || '—'}{' '}
            {units.includeSubtree ? 'thuộc toàn bộ cấp dưới của' : 'trực thuộc trực tiếp'}{' '}
            {units.rootUnitId ? names.unit(units.rootUnitId) : '—'}
          </>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="4. Cơ quan nhận báo cáo">
        {c.receivingUnitId ? names.unit(c.receivingUnitId) : '—'}
        {c.reportsToGovernment && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            Báo cáo gửi Chính phủ, Thủ tướng Chính phủ
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="5. Phương thức gửi, nhận báo cáo">
        {c.sendingMethods.map((m) => SENDING_METHOD_LABELS[m]).join('; ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="6. Thời gian chốt số liệu">
        {needsCustomPeriods(c) ? (
          c.customPeriods.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {c.customPeriods.map((p, i) => (
                <li key={i}>
                  {p.label}: {p.start && p.end ? formatWindow(p.start, p.end) : '—'}; hạn gửi{' '}
                  {p.deadlineDate ? formatLocalDeadline(p.deadlineDate, p.deadlineTime) : '—'}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )
        ) : (
          WINDOW_MODE_LABELS[c.windowMode]
        )}
        {c.frequency === 'school_year' && c.schoolYearEnd && (
          <div>
            Năm học kết thúc ngày {c.schoolYearEnd.day}/{c.schoolYearEnd.month}
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="7. Thời hạn gửi báo cáo">
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {c.deadlines.map((d, i) => (
            <li key={i}>
              Cấp {i + 1} – {d.label}: {describeRule(d.rule)}
            </li>
          ))}
        </ul>
        <div>
          {c.allowLateSending ? 'Cho phép gửi muộn (ghi nhận gửi muộn).' : 'Không nhận báo cáo sau thời hạn.'}{' '}
          {c.openLeadDays > 0
            ? `Mở kỳ trước ${c.openLeadDays} ngày khi hết thời gian chốt số liệu.`
            : 'Mở kỳ khi bắt đầu thời gian chốt số liệu.'}
        </div>
        <div>
          Nhắc hạn:{' '}
          {c.reminders.daysBefore.length
            ? c.reminders.daysBefore.map((d) => (d === 0 ? 'vào ngày đến hạn' : `${d} ngày trước hạn`)).join(', ')
            : 'không nhắc trước hạn'}
          ; quá hạn {c.reminders.overdueEveryDays > 0 ? `nhắc lại mỗi ${c.reminders.overdueEveryDays} ngày` : 'nhắc một lần'}.
        </div>
      </Descriptions.Item>
      <Descriptions.Item label="8. Tần suất thực hiện báo cáo">{PERIOD_TYPE_LABELS[c.frequency]}</Descriptions.Item>
      <Descriptions.Item label="9. Mẫu đề cương báo cáo">{c.outlineFormId ? names.form(c.outlineFormId) : '—'}</Descriptions.Item>
      <Descriptions.Item label="10. Biểu mẫu số liệu báo cáo">
        {c.formIds.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {c.formIds.map((id) => (
              <li key={id}>{names.form(id)}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="11. Hướng dẫn quy trình thực hiện báo cáo">{multiline(c.guidance)}</Descriptions.Item>
    </Descriptions>
  );
}
