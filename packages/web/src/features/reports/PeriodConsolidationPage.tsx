import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Col, Empty, Flex, Row, Select, Spin, Tag, Typography } from 'antd';
import { ASSIGNMENT_STATUS_LABELS, formatNumber, parseDefinition, type RegimePeriodDetail } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useFormVersion } from '../../api/forms.ts';
import { usePeriod } from '../../api/regimes.ts';
import { usePeriodConsolidation } from '../../api/reportData.ts';
import { useCurrentUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { LoadedPage } from '../regimes/parts.tsx';
import { EntryGrid } from '../forms/grid/EntryGrid.tsx';
import { CellDrillDown, ReportLink } from './CellDrillDown.tsx';
import { cellLabels, consolidatedGridValues, receivingUnitOptions } from './data/consolidation.ts';
import './data.css';

type PeriodForm = RegimePeriodDetail['forms'][number];

/** "Tổng hợp" of a period (/ky-bao-cao/$id/tong-hop): what the reporting units sent, consolidated, read-only, with drill-down. */
export function PeriodConsolidationPage({ id }: { id: string }) {
  const { data, error } = usePeriod(id);
  return (
    <LoadedPage
      data={data}
      error={error}
      failedTitle="Không mở được kỳ báo cáo"
      back={<Link to="/che-do-bao-cao">Về danh sách chế độ báo cáo</Link>}
    >
      {(period) => <PeriodConsolidation period={period} />}
    </LoadedPage>
  );
}

function PeriodConsolidation({ period }: { period: RegimePeriodDetail }) {
  const user = useCurrentUser();
  const tableForms = period.forms.filter((f) => f.kind === 'table');
  const receivers = useMemo(() => receivingUnitOptions(period.assignments, user), [period.assignments, user]);
  const [formVersionId, setFormVersionId] = useState<string | undefined>(tableForms[0]?.versionId);
  const [receivingUnitId, setReceivingUnitId] = useState<string | undefined>(receivers[0]?.unitId);
  const selected = tableForms.find((f) => f.versionId === formVersionId);

  return (
    <div className="rd-period-consolidation" data-testid="period-consolidation">
      <PageTitle
        title="Tổng hợp số liệu báo cáo"
        subtitle={`${period.regimeCode} – ${period.regimeName} · ${period.label}`}
        extra={
          <Link to="/ky-bao-cao/$id" params={{ id: period.id }}>
            Về kỳ báo cáo
          </Link>
        }
      />
      {tableForms.length === 0 ? (
        <Empty description="Kỳ báo cáo này không có biểu số liệu để tổng hợp." />
      ) : (
        <>
          <Flex gap={16} wrap align="flex-end" style={{ marginBottom: 16 }}>
            <label className="rd-field">
              <span className="rd-field-label">Biểu mẫu</span>
              <Select
                aria-label="Biểu mẫu"
                style={{ minWidth: 360 }}
                value={formVersionId}
                onChange={setFormVersionId}
                options={tableForms.map((f) => ({ value: f.versionId, label: `${f.code} – ${f.name}` }))}
              />
            </label>
            {receivers.length > 1 && (
              <label className="rd-field">
                <span className="rd-field-label">Đơn vị nhận báo cáo</span>
                <Select
                  aria-label="Đơn vị nhận báo cáo"
                  style={{ minWidth: 280 }}
                  value={receivingUnitId}
                  onChange={setReceivingUnitId}
                  options={receivers.map((r) => ({ value: r.unitId, label: r.unitName }))}
                />
              </label>
            )}
          </Flex>
          {selected && (
            <ConsolidatedForm
              key={`${selected.versionId}|${receivingUnitId ?? ''}`}
              period={period}
              form={selected}
              receivingUnitId={receivingUnitId}
            />
          )}
        </>
      )}
    </div>
  );
}

function ConsolidatedForm({
  period,
  form: ref,
  receivingUnitId,
}: {
  period: RegimePeriodDetail;
  form: PeriodForm;
  receivingUnitId?: string;
}) {
  const version = useFormVersion(ref.formId, ref.versionId);
  const consolidation = usePeriodConsolidation(period.id, ref.versionId, receivingUnitId);
  const [drill, setDrill] = useState<string | null>(null);

  const parsed = useMemo(() => (version.data ? parseDefinition('table', version.data.definition) : null), [version.data]);
  const form = parsed?.ok ? parsed.definition : null;
  const labels = useMemo(() => (form ? cellLabels(form) : null), [form]);
  const data = consolidation.data;
  const values = useMemo(() => (form && data ? consolidatedGridValues(form, data) : null), [form, data]);
  const infoKeys = useMemo(
    () => (data ? new Set(Object.entries(data.cells).flatMap(([key, c]) => (c.rule === 'none' ? [] : [key]))) : undefined),
    [data],
  );

  const failure = version.error ?? consolidation.error;
  if (failure) return <Alert type="error" showIcon title={errorMessage(failure)} />;
  if (parsed && !parsed.ok) return <Alert type="error" showIcon title={`Không đọc được biểu mẫu ${ref.code}.`} />;
  if (!form || !data || !values) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="Đang tổng hợp số liệu…" />
      </Flex>
    );
  }

  const at = drill?.indexOf(':') ?? -1;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={18}>
        <Card size="small" title={`${ref.code} – ${ref.name}`} className="rd-consolidated-card">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Số liệu tổng hợp từ {formatNumber(data.reportedUnits.length)} đơn vị đã được tiếp nhận báo cáo. Bấm vào biểu tượng ở một ô (hoặc
            Alt+↓) để xem chi tiết từng đơn vị.
          </Typography.Paragraph>
          <EntryGrid
            key={consolidation.dataUpdatedAt}
            form={form}
            layout={form.layout}
            height={620}
            initialValues={values}
            readOnly
            showClearAll={false}
            showPanel={false}
            cellInfoKeys={infoKeys}
            onCellInfo={setDrill}
            data-testid="consolidated-grid"
          />
        </Card>
      </Col>
      <Col xs={24} xl={6}>
        <Flex vertical gap={16}>
          <Card size="small" title={`Đơn vị còn thiếu (${data.missingUnits.length})`} data-testid="period-missing">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              Chưa báo cáo hoặc chưa được tiếp nhận: số liệu của các đơn vị này chưa có trong bảng tổng hợp.
            </Typography.Paragraph>
            {data.missingUnits.length === 0 ? (
              <Typography.Text type="secondary">Mọi đơn vị đều đã được tiếp nhận báo cáo.</Typography.Text>
            ) : (
              <ul className="rd-plain-list rd-missing">
                {data.missingUnits.map((u) => (
                  <li key={u.unitId}>
                    <span>{u.unitName}</span>
                    <Tag color={u.status === 'returned' ? 'red' : u.status === 'sent' ? 'blue' : 'default'}>
                      {ASSIGNMENT_STATUS_LABELS[u.status]}
                    </Tag>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card size="small" title={`Đã tổng hợp (${data.reportedUnits.length})`} data-testid="period-reported">
            {data.reportedUnits.length === 0 ? (
              <Typography.Text type="secondary">Chưa có báo cáo nào được tiếp nhận.</Typography.Text>
            ) : (
              <ul className="rd-plain-list">
                {data.reportedUnits.map((u) => (
                  <li key={u.unitId}>
                    <ReportLink reportId={u.reportId}>{u.unitName}</ReportLink>{' '}
                    <Typography.Text type="secondary">(phiên bản {u.versionNo})</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Flex>
      </Col>
      {drill && (
        <CellDrillDown
          source={{ periodId: period.id, receivingUnitId }}
          formVersionId={ref.versionId}
          cellKey={drill}
          rowLabel={labels?.rows.get(drill.slice(0, at))}
          colLabel={labels?.cols.get(drill.slice(at + 1))}
          open
          onClose={() => setDrill(null)}
        />
      )}
    </Row>
  );
}
