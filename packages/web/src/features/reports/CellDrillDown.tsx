import { useId, useState, type ReactNode } from 'react';
import { Alert, Descriptions, Drawer, Empty, Input, Spin, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { ASSIGNMENT_STATUS_LABELS, type ConsolidationResponse, type ReportCellValue } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useConsolidationOf, type ConsolidationSource } from '../../api/reportData.ts';
import { consolidationFormula, ignoredReasonLabel, overrideOf, ruleLabel, type ConsolidatedCellItem } from './data/consolidation.ts';
import { formatCellValue } from './data/format.ts';
import './data.css';

type ContributorRow = ConsolidatedCellItem['contributors'][number] & { ignoredReason: string | null };

export interface CellDrillDownProps {
  source: ConsolidationSource;
  formVersionId: string;
  /** "ROW:COL" */
  cellKey: string;
  /** "1 – Thu ngân sách"; the row code when not given. */
  rowLabel?: string;
  /** "Thực hiện / Kỳ này"; the column code when not given. */
  colLabel?: string;
  /** The weight's name for a weighted average (e.g. "Dân số"), when the page knows it. */
  weightName?: string;
  open: boolean;
  onClose: () => void;
  /**
   * The consolidating unit's own report: its value in the cell and its note. When the value differs
   * from the consolidated figure the drawer shows both and asks for the reason; `onNote` (absent
   * when read-only) saves it as the cell's note.
   */
  entry?: { value: ReportCellValue | undefined; note: string | undefined; onNote?: (text: string) => void };
}

/** A link to a contributing unit's report. */
export function ReportLink({ reportId, children }: { reportId: string; children: ReactNode }) {
  return (
    <Link to="/bao-cao/$id" params={{ id: reportId }}>
      {children}
    </Link>
  );
}

/**
 * One consolidated cell, opened: its figure, the rule, every contributing unit with its value
 * (and weight) linking to the unit's report, the units left out and why, and the arithmetic.
 */
export function CellDrillDown({
  source,
  formVersionId,
  cellKey,
  rowLabel,
  colLabel,
  weightName,
  open,
  onClose,
  entry,
}: CellDrillDownProps) {
  const { data, isLoading, error } = useConsolidationOf(source, formVersionId, open);
  const at = cellKey.indexOf(':');
  const rowCode = at < 0 ? cellKey : cellKey.slice(0, at);
  const colCode = at < 0 ? '' : cellKey.slice(at + 1);
  const cell = data?.cells[cellKey];
  return (
    <Drawer open={open} onClose={onClose} size={680} title="Chi tiết số liệu tổng hợp" data-testid="drilldown">
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 170 } }}>
        <Descriptions.Item label="Dòng">{rowLabel ?? rowCode}</Descriptions.Item>
        <Descriptions.Item label="Cột">{colLabel ?? colCode}</Descriptions.Item>
        {cell && (
          <>
            <Descriptions.Item label="Giá trị tổng hợp">
              <strong data-testid="drilldown-value">{formatCellValue(cell.value)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label="Cách tổng hợp">
              <span data-testid="drilldown-rule">{ruleLabel(cell.rule, weightName)}</span>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {isLoading && <Spin description="Đang tải số liệu tổng hợp…" />}
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {data && !cell && <Empty description="Ô này không được tổng hợp từ đơn vị cấp dưới." />}
      {data && cell && entry && <OverrideNote data={data} cellKey={cellKey} entry={entry} />}
      {data && cell && (
        <>
          <Contributors cell={cell} />
          {cell.ignored.length > 0 && (
            <section style={{ marginTop: 16 }} aria-label="Không tính vào kết quả">
              <Typography.Title level={5}>Không tính vào kết quả ({cell.ignored.length})</Typography.Title>
              <ul className="rd-plain-list" data-testid="drilldown-ignored">
                {cell.ignored.map((i) => (
                  <li key={i.unitId}>
                    {i.unitName}: {ignoredReasonLabel(i.reason)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.missingUnits.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title={`Chưa báo cáo hoặc chưa được tiếp nhận (${data.missingUnits.length} đơn vị): số liệu của các đơn vị này chưa có trong kết quả.`}
              description={
                <ul className="rd-plain-list" data-testid="drilldown-missing">
                  {data.missingUnits.map((u) => (
                    <li key={u.unitId}>
                      {u.unitName} – {ASSIGNMENT_STATUS_LABELS[u.status]}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/**
 * The consolidator's value against the consolidated figure and, when they differ (or a note was
 * written before), the note giving the reason. The note goes out with the report's autosave.
 */
function OverrideNote({
  data,
  cellKey,
  entry,
}: {
  data: Pick<ConsolidationResponse, 'cells'>;
  cellKey: string;
  entry: NonNullable<CellDrillDownProps['entry']>;
}) {
  const [text, setText] = useState(entry.note ?? '');
  const id = useId();
  const value = entry.value ?? null;
  const override = overrideOf(data, { values: value === null ? {} : { [cellKey]: value }, notes: {} }, cellKey);
  if (!override && !entry.note) return null;
  const blank = text.trim() === '';
  return (
    <section
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 16 }}
      aria-label="Điều chỉnh số tổng hợp"
      data-testid="drilldown-override"
    >
      {override ? (
        <Alert
          type={blank ? 'warning' : 'info'}
          showIcon
          title={
            <span data-testid="drilldown-override-values">
              Số tổng hợp: {formatCellValue(override.consolidated)} — Số của đơn vị: {formatCellValue(override.value)}
            </span>
          }
          description={
            blank
              ? 'Số của đơn vị khác số tổng hợp từ đơn vị cấp dưới: hãy ghi chú lý do điều chỉnh trước khi trình.'
              : 'Số của đơn vị khác số tổng hợp từ đơn vị cấp dưới; lý do điều chỉnh được ghi chú dưới đây.'
          }
        />
      ) : (
        <Alert type="success" showIcon title="Số của đơn vị bằng số tổng hợp từ đơn vị cấp dưới." />
      )}
      <label htmlFor={id} style={{ fontWeight: 600 }}>
        Ghi chú lý do điều chỉnh
      </label>
      <Input.TextArea
        id={id}
        value={text}
        readOnly={!entry.onNote}
        maxLength={2000}
        showCount={!!entry.onNote}
        autoSize={{ minRows: 3, maxRows: 8 }}
        status={override && blank ? 'warning' : undefined}
        placeholder={entry.onNote ? 'VD: Bổ sung số liệu của thôn mới sáp nhập, chưa có trong báo cáo của đơn vị cấp dưới.' : undefined}
        data-testid="drilldown-note"
        onChange={(e) => {
          setText(e.target.value);
          entry.onNote?.(e.target.value);
        }}
      />
    </section>
  );
}

function Contributors({ cell }: { cell: ConsolidatedCellItem }) {
  const ignored = new Map(cell.ignored.map((i) => [i.unitId, ignoredReasonLabel(i.reason)]));
  const rows: ContributorRow[] = cell.contributors.map((c) => ({ ...c, ignoredReason: ignored.get(c.unitId) ?? null }));
  const weighted = cell.rule === 'weighted_average';
  return (
    <Table<ContributorRow>
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={false}
      aria-label="Các đơn vị đóng góp"
      data-testid="drilldown-contributors"
      rowClassName={(r) => (r.ignoredReason ? 'rd-ignored-row' : '')}
      locale={{ emptyText: 'Chưa có đơn vị nào được tiếp nhận báo cáo.' }}
      columns={[
        {
          title: 'Đơn vị',
          dataIndex: 'unitName',
          render: (name: string, r) => (
            <>
              <ReportLink reportId={r.reportId}>{name}</ReportLink>
              {r.ignoredReason && (
                <Tag style={{ marginLeft: 8 }} color="default">
                  Không tính: {r.ignoredReason}
                </Tag>
              )}
            </>
          ),
        },
        { title: 'Giá trị', dataIndex: 'value', align: 'right', width: 160, render: (v: string | null) => formatCellValue(v) },
        ...(weighted
          ? [
              {
                title: 'Trọng số',
                dataIndex: 'weight',
                align: 'right' as const,
                width: 140,
                render: (w: string | null) => formatCellValue(w),
              },
            ]
          : []),
      ]}
      summary={() => (
        <Table.Summary.Row className="rd-sum-row">
          <Table.Summary.Cell index={0} colSpan={weighted ? 3 : 2}>
            <span data-testid="drilldown-sum">
              <strong>Kết quả:</strong> {consolidationFormula(cell)}
            </span>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
