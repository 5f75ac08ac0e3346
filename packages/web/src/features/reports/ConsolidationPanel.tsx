import { useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin, Table, Tag, Typography } from 'antd';
import { ApartmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { ASSIGNMENT_STATUS_LABELS, formatNumber, parseDefinition, type ConsolidationResponse, type ReportFormRef } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useConsolidation } from '../../api/reportData.ts';
import { ReportLink } from './CellDrillDown.tsx';
import { cellLabels, consolidatedValues, ignoredReasonLabel, isEmptyCellReason } from './data/consolidation.ts';
import './data.css';

export { CellDrillDown } from './CellDrillDown.tsx';
export { useConsolidation } from '../../api/reportData.ts';

type ReportedUnit = ConsolidationResponse['reportedUnits'][number];

export interface ConsolidationPanelProps {
  reportId: string;
  form: ReportFormRef;
  editable: boolean;
  /** Writes the consolidated figures into the grid (one undoable step); null empties a cell. */
  onApply: (values: Record<string, string | null>) => void;
  /** Opens a cell's drill-down (from the list of cells where a unit was left out). */
  onOpenCell?: (cellKey: string) => void;
}

const CELLS_LISTED = 30;

/**
 * "Tổng hợp từ đơn vị cấp dưới": who has been consolidated (accepted reports, with their version),
 * who is still missing, and the button that fills the form with the consolidated figures.
 */
export function ConsolidationPanel({ reportId, form, editable, onApply, onOpenCell }: ConsolidationPanelProps) {
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { data, isLoading, isFetching, error, refetch } = useConsolidation(reportId, form.versionId, open);

  const labels = useMemo(() => {
    const parsed = parseDefinition('table', form.definition);
    return parsed.ok ? cellLabels(parsed.definition) : null;
  }, [form.definition]);
  const cellName = (key: string) => {
    const at = key.indexOf(':');
    const row = key.slice(0, at);
    const col = key.slice(at + 1);
    return `${labels?.rows.get(row) ?? row}, ${labels?.cols.get(col) ?? col}`;
  };

  const values = data ? consolidatedValues(data) : {};
  const count = Object.keys(values).length;
  const expected = data ? data.reportedUnits.length + data.missingUnits.length : 0;
  // Units that left a cell empty are many and expected; a value that could not be used is worth a look.
  const withIgnored = data
    ? Object.entries(data.cells)
        .map(([key, c]) => [key, c.ignored.filter((i) => !isEmptyCellReason(i.reason))] as const)
        .filter(([, ignored]) => ignored.length > 0)
    : [];

  const fill = () =>
    modal.confirm({
      title: 'Điền số liệu tổng hợp vào biểu?',
      content: (
        <>
          <p>
            Số liệu tổng hợp từ {formatNumber(data?.reportedUnits.length ?? 0)} đơn vị sẽ thay thế giá trị đang có ở {formatNumber(count)} ô
            của biểu {form.code}. Bạn có thể hoàn tác (Ctrl+Z) ngay sau đó.
          </p>
          <p>Ô nào bạn sửa lại khác số tổng hợp cần ghi chú lý do điều chỉnh.</p>
        </>
      ),
      okText: 'Điền số liệu',
      cancelText: 'Hủy',
      onOk: () => {
        onApply(values);
        message.success(`Đã điền số liệu tổng hợp vào ${formatNumber(count)} ô.`);
        setOpen(false);
      },
    });

  return (
    <>
      <Button size="small" icon={<ApartmentOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="consolidation-open">
        Tổng hợp từ đơn vị cấp dưới
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={640}
        title={`Tổng hợp từ đơn vị cấp dưới – biểu ${form.code}`}
        data-testid="consolidation-panel"
        extra={
          <Button
            size="small"
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void refetch()}
            loading={isFetching}
            aria-label="Tải lại"
          >
            Tải lại
          </Button>
        }
        footer={
          editable ? (
            <Flex justify="flex-end">
              <Button type="primary" disabled={!data || count === 0} onClick={fill} data-testid="consolidation-apply">
                Điền số liệu tổng hợp vào biểu
              </Button>
            </Flex>
          ) : null
        }
      >
        {isLoading && <Spin description="Đang tổng hợp…" />}
        {error && <Alert type="error" showIcon title={errorMessage(error)} />}
        {data && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="Đơn vị đã được tiếp nhận báo cáo">
                {formatNumber(data.reportedUnits.length)}/{formatNumber(expected)}
              </Descriptions.Item>
              <Descriptions.Item label="Số ô được tổng hợp">{formatNumber(count)}</Descriptions.Item>
            </Descriptions>
            {editable && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="Số liệu tổng hợp chỉ là gợi ý ban đầu: sau khi điền, ô nào bạn điều chỉnh khác số tổng hợp cần ghi chú lý do."
              />
            )}
            <Typography.Title level={5}>Đã tổng hợp ({data.reportedUnits.length})</Typography.Title>
            <Table<ReportedUnit>
              size="small"
              rowKey="unitId"
              dataSource={data.reportedUnits}
              pagination={false}
              aria-label="Đơn vị đã tổng hợp"
              data-testid="consolidation-reported"
              locale={{ emptyText: 'Chưa có báo cáo nào của đơn vị cấp dưới được tiếp nhận.' }}
              columns={[
                {
                  title: 'Đơn vị',
                  dataIndex: 'unitName',
                  render: (name: string, u) => <ReportLink reportId={u.reportId}>{name}</ReportLink>,
                },
                { title: 'Phiên bản', dataIndex: 'versionNo', width: 110, render: (n: number) => `Phiên bản ${n}` },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              Chưa báo cáo hoặc chưa được tiếp nhận ({data.missingUnits.length})
            </Typography.Title>
            {data.missingUnits.length === 0 ? (
              <Typography.Text type="secondary">Mọi đơn vị cấp dưới đều đã được tiếp nhận báo cáo.</Typography.Text>
            ) : (
              <ul className="rd-plain-list rd-missing" data-testid="consolidation-missing">
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
            {withIgnored.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  Ô có số liệu của đơn vị không dùng được ({withIgnored.length})
                </Typography.Title>
                <ul className="rd-plain-list" data-testid="consolidation-ignored-cells">
                  {withIgnored.slice(0, CELLS_LISTED).map(([key, ignored]) => (
                    <li key={key}>
                      {onOpenCell ? (
                        <Button
                          type="link"
                          size="small"
                          className="rd-inline-link"
                          onClick={() => {
                            setOpen(false);
                            onOpenCell(key);
                          }}
                        >
                          {cellName(key)}
                        </Button>
                      ) : (
                        cellName(key)
                      )}
                      : {ignored.map((i) => `${i.unitName} (${ignoredReasonLabel(i.reason)})`).join('; ')}
                    </li>
                  ))}
                  {withIgnored.length > CELLS_LISTED && <li>… và {formatNumber(withIgnored.length - CELLS_LISTED)} ô khác.</li>}
                </ul>
              </>
            )}
          </>
        )}
      </Drawer>
    </>
  );
}
