import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useQueries } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
  type TableColumnType,
  type TableRef,
} from 'antd';
import { DeleteOutlined, InsertRowAboveOutlined, PlusOutlined } from '@ant-design/icons';
import {
  checkListRecords,
  type CatalogDetail,
  type CatalogSummary,
  type ListColumn,
  type ListColumnNode,
  type ListForm,
  type ReportCellValue,
  type ReportDataPatch,
  type ReportFormRef,
} from '@baocao/core';
import { api } from '../../api/client.ts';
import type { Paged } from '../../api/users.ts';
import type { EntryGridHandle } from '../forms/grid/EntryGrid.tsx';
import { formatDecimal } from '../forms/grid/cellFormat.ts';
import { recordsPatch } from './draftPatch.ts';
import { useGridHeight } from './EntryTab.tsx';
import type { ReportProblem } from './format.ts';
import { definitionOf } from './formData.ts';
import {
  displayComputed,
  displayListValue,
  editListValue,
  enterTarget,
  insertRecord,
  isBlankRecord,
  isNumericListColumn,
  listCellKey,
  listEngine,
  listPasteSummary,
  listTotals,
  parseListCellKey,
  pasteIntoRecords,
  problemsByCell,
  readListValue,
  recordCountText,
  removeRecord,
  setRecordValue,
  type CatalogItems,
  type ListRecord,
} from './listEntry.ts';
import { ProblemsAlert } from './ProblemsAlert.tsx';
import './listEntry.css';

const STT_WIDTH = 56;
const ACTIONS_WIDTH = 84;
const PROBLEMS_LISTED = 100;

const widthOf = (c: ListColumn): number => {
  if (c.type === 'text') return 240;
  if (c.type === 'catalog') return 220;
  if (c.type === 'boolean') return 96;
  return 140;
};

/** The items of the catalogs the list's catalog columns pick from, by catalog code (active items only). */
function useCatalogItems(codes: readonly string[]): Map<string, CatalogItems> {
  // The same map while no catalog's items changed, so the rows below are not redrawn needlessly.
  const combine = useCallback(
    (results: { data?: CatalogItems }[]) =>
      new Map(codes.flatMap((code, i) => (results[i]?.data ? [[code, results[i].data] as const] : []))),
    [codes],
  );
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: ['catalogs', 'items-by-code', code],
      staleTime: 5 * 60_000,
      retry: false,
      queryFn: async (): Promise<CatalogItems> => {
        const found = await api.get<Paged<CatalogSummary>>('/catalogs', { q: code, page: 1, pageSize: 50 });
        const summary = found.items.find((c) => c.code === code);
        if (!summary) return new Map();
        const detail = await api.get<CatalogDetail>(`/catalogs/${summary.id}`);
        return new Map(detail.items.filter((i) => i.active).map((i) => [i.code, { code: i.code, name: i.name }]));
      },
    })),
    combine,
  });
}

interface Row {
  index: number;
  record: ListRecord;
}

interface CellProps {
  value: ReportCellValue | undefined;
  column: ListColumn;
  index: number;
  col: number;
  readOnly: boolean;
  problems: string[] | undefined;
  catalog: CatalogItems | undefined;
  onCommit: (index: number, code: string, value: ReportCellValue) => void;
  onKey: (e: KeyboardEvent<HTMLElement>, index: number, col: number) => void;
}

const problemStyle = { background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ff4d4f' };

/**
 * One input cell: shows the stored value the Vietnamese way, edits it as the grid does (typing
 * replaces on focus-select; Enter, Tab, the arrows move on; Escape puts the value back), and hands
 * what was typed over when the cell is left. Text that does not fit the column is kept as typed and
 * shown with its problem.
 */
const ListCell = memo(function ListCell({ value, column, index, col, readOnly, problems, catalog, onCommit, onKey }: CellProps) {
  const [editing, setEditing] = useState<{ start: string; text: string } | null>(null);
  const label = `${column.name}, bản ghi ${index + 1}`;
  const title = problems?.join('\n');
  const cellId = `${index}:${col}`;
  const style = problems ? problemStyle : undefined;

  if (readOnly) {
    return (
      <div className="list-entry-read" style={style} title={title} data-testid={`list-cell-${listCellKey(index, column.code)}`}>
        {displayListValue(value, column, catalog)}
      </div>
    );
  }
  if (column.type === 'boolean') {
    return (
      <div style={{ ...style, textAlign: 'center' }} title={title}>
        <Checkbox
          aria-label={label}
          checked={value === true}
          data-list-cell={cellId}
          data-testid={`list-cell-${listCellKey(index, column.code)}`}
          onChange={(e) => onCommit(index, column.code, e.target.checked)}
          onKeyDown={(e) => onKey(e, index, col)}
        />
      </div>
    );
  }
  if (column.type === 'catalog' && catalog && catalog.size > 0) {
    const options = [...catalog.values()].map((i) => ({ value: i.code, label: `${i.code} – ${i.name}` }));
    if (typeof value === 'string' && value !== '' && !catalog.has(value)) options.unshift({ value, label: value });
    return (
      <div style={style} title={title}>
        <Select
          aria-label={label}
          size="small"
          variant="borderless"
          style={{ width: '100%' }}
          value={typeof value === 'string' && value !== '' ? value : null}
          options={options}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          data-list-cell={cellId}
          data-testid={`list-cell-${listCellKey(index, column.code)}`}
          onChange={(v: string | null | undefined) => onCommit(index, column.code, v ?? null)}
        />
      </div>
    );
  }
  const shown = editing ? editing.text : displayListValue(value, column, catalog);
  const leave = () => {
    if (editing && editing.text !== editing.start) onCommit(index, column.code, readListValue(editing.text, column, catalog));
    setEditing(null);
  };
  return (
    <div style={style} title={title}>
      <input
        className="list-entry-input"
        aria-label={label}
        aria-invalid={problems ? true : undefined}
        value={shown}
        placeholder={column.type === 'date' ? 'dd/mm/yyyy' : undefined}
        style={{ textAlign: isNumericListColumn(column) ? 'right' : undefined }}
        data-list-cell={cellId}
        data-testid={`list-cell-${listCellKey(index, column.code)}`}
        onFocus={(e) => {
          const start = editListValue(value, column);
          setEditing({ start, text: start });
          e.currentTarget.select();
        }}
        onChange={(e) => setEditing((s) => ({ start: s?.start ?? '', text: e.target.value }))}
        onBlur={leave}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setEditing((s) => (s ? { ...s, text: s.start } : s));
            return;
          }
          if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') leave();
          onKey(e, index, col);
        }}
      />
    </div>
  );
});

export interface ListEntryTabProps {
  formRef: ReportFormRef;
  /** The records as the user sees them (saved + pending). */
  records: readonly ListRecord[];
  readOnly: boolean;
  onChange: (patch: ReportDataPatch) => void;
  /** Registers how the page jumps to a record's cell from a list of problems ("3:VON"). */
  gridRef?: (handle: EntryGridHandle | null) => void;
  extra?: ReactNode;
}

/**
 * A list form (báo cáo danh sách) entered as a table of records: a column per leaf column under
 * its header groups, computed columns recomputed per record, add/insert/delete records, Tab through
 * the cells, Enter down a column (and from the last record a new one), Vietnamese numbers and
 * dd/mm/yyyy dates, catalog columns as a choice of the catalog's items, a block pasted from Excel
 * (Ctrl+V) filling records from the cell it lands on. Each record's problems (core's
 * checkListRecords, what the server refuses the submission with) are marked on their cells and
 * listed to jump to. Every change goes out as the whole list through the report's autosave. The
 * rows are virtualised, so hundreds of records stay responsive.
 */
export function ListEntryTab(props: ListEntryTabProps) {
  const list = definitionOf(props.formRef, 'list');
  if (!list) {
    return <Alert type="error" showIcon title={`Biểu "${props.formRef.code}" có định nghĩa không hợp lệ, không nhập được bản ghi.`} />;
  }
  return <ListEntry {...props} list={list} />;
}

function ListEntry({ formRef, list, records, readOnly, onChange, gridRef, extra }: ListEntryTabProps & { list: ListForm }) {
  const { message } = App.useApp();
  const fv = formRef.versionId;
  const engine = useMemo(() => listEngine(list), [list]);
  const { columns } = engine;
  const catalogCodes = useMemo(
    () => [...new Set(columns.flatMap((c) => (c.type === 'catalog' && c.catalogCode ? [c.catalogCode] : [])))],
    [columns],
  );
  const catalogs = useCatalogItems(catalogCodes);
  const height = useGridHeight(320, 280);

  // The latest records, also right after a change the page has not rendered back yet (Enter commits then adds).
  const latest = useRef(records);
  latest.current = records;
  const update = useCallback(
    (fn: (rs: readonly ListRecord[]) => ListRecord[]) => {
      const next = fn(latest.current);
      latest.current = next;
      onChange(recordsPatch(fv, next));
      return next;
    },
    [onChange, fv],
  );

  const deferred = useDeferredValue(records);
  const problems = useMemo(() => checkListRecords(list, deferred), [list, deferred]);
  const { byCell, general } = useMemo(() => problemsByCell(problems), [problems]);
  const totals = useMemo(() => listTotals(list, engine, deferred), [list, engine, deferred]);

  const container = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const firstInput = useMemo(
    () =>
      Math.max(
        0,
        columns.findIndex((c) => c.kind === 'input'),
      ),
    [columns],
  );

  /** Shows and focuses a cell; the row may not be rendered yet (virtual scroll), so it is looked for over a few frames. */
  const focusCell = useCallback((index: number, col: number) => {
    table.current?.scrollTo({ index });
    let tries = 0;
    const attempt = () => {
      const el = container.current?.querySelector<HTMLElement>(`[data-list-cell="${index}:${col}"]`);
      const target = el?.matches('input') ? el : (el?.querySelector<HTMLElement>('input') ?? el);
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      } else if (tries++ < 10) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }, []);

  useEffect(() => {
    if (!gridRef) return;
    gridRef({
      getSnapshot: () => ({ values: new Map(), violations: [] }),
      apply: () => undefined,
      focusCell: (key) => {
        const at = parseListCellKey(key);
        const col = at ? columns.findIndex((c) => c.code === at.code) : -1;
        if (at && col >= 0) focusCell(at.index, col);
      },
    });
    return () => gridRef(null);
  }, [gridRef, columns, focusCell]);

  const onCommit = useCallback(
    (index: number, code: string, value: ReportCellValue) => update((rs) => setRecordValue(rs, index, code, value)),
    [update],
  );

  const append = useCallback(() => {
    const next = update((rs) => insertRecord(rs, rs.length));
    focusCell(next.length - 1, firstInput);
  }, [update, focusCell, firstInput]);

  const onKey = useCallback(
    (e: KeyboardEvent<HTMLElement>, index: number, col: number) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const target = enterTarget(index, latest.current.length);
        if (target.append) {
          update((rs) => insertRecord(rs, rs.length));
          focusCell(target.index, firstInput);
        } else focusCell(target.index, col);
      } else if (e.key === 'ArrowDown' && index + 1 < latest.current.length) {
        e.preventDefault();
        focusCell(index + 1, col);
      } else if (e.key === 'ArrowUp' && index > 0) {
        e.preventDefault();
        focusCell(index - 1, col);
      }
    },
    [update, focusCell, firstInput],
  );

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    // One value goes into the cell being edited as any paste; a block (tabs or lines) fills records.
    if (!/[\t\r\n]/u.test(text.replace(/[\r\n]+$/u, ''))) return;
    e.preventDefault();
    const cell = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-list-cell]')?.dataset.listCell;
    const [row, col] = cell ? cell.split(':').map(Number) : [latest.current.length, firstInput];
    const paste = pasteIntoRecords(latest.current, columns, { row: row!, col: col! }, text, catalogs);
    // The cell being edited must not write its old text back over the paste when it is left.
    (document.activeElement as HTMLElement | null)?.blur();
    update(() => paste.records);
    message.success(listPasteSummary(paste));
    focusCell(row!, col!);
  };

  const tableColumns = useMemo((): TableColumnsType<Row> => {
    const leafIndex = new Map(columns.map((c, i) => [c.code, i]));
    const leaf = (c: ListColumn): TableColumnType<Row> => {
      const i = leafIndex.get(c.code)!;
      return {
        key: c.code,
        title: (
          <div className="list-entry-head">
            <div>{c.name}</div>
            {c.unit && <div className="list-entry-unit">({c.unit})</div>}
          </div>
        ),
        width: widthOf(c),
        align: isNumericListColumn(c) ? 'right' : undefined,
        render: (_: unknown, row: Row) =>
          c.kind === 'computed' ? (
            <div
              className="list-entry-computed"
              title={byCell.get(listCellKey(row.index, c.code))?.join('\n')}
              data-testid={`list-cell-${listCellKey(row.index, c.code)}`}
            >
              {displayComputed(engine.computedOf(row.record).get(c.code), c)}
            </div>
          ) : (
            <ListCell
              value={row.record[c.code]}
              column={c}
              index={row.index}
              col={i}
              readOnly={readOnly}
              problems={byCell.get(listCellKey(row.index, c.code))}
              catalog={c.catalogCode ? catalogs.get(c.catalogCode) : undefined}
              onCommit={onCommit}
              onKey={onKey}
            />
          ),
      };
    };
    const node = (n: ListColumnNode): TableColumnType<Row> | (TableColumnType<Row> & { children: TableColumnsType<Row> }) =>
      n.kind === 'group' ? { key: `g:${n.name}`, title: n.name, children: n.children.map(node) } : leaf(n);
    const out: TableColumnsType<Row> = [
      {
        key: '__stt',
        title: 'STT',
        width: STT_WIDTH,
        align: 'center',
        fixed: 'left',
        render: (_: unknown, row: Row) => row.index + 1,
      },
      ...list.columns.map(node),
    ];
    if (!readOnly) {
      out.push({
        key: '__actions',
        title: '',
        width: ACTIONS_WIDTH,
        fixed: 'right',
        render: (_: unknown, row: Row) => (
          <Space size={0}>
            <Tooltip title="Chèn bản ghi trống phía trên">
              <Button
                type="text"
                size="small"
                icon={<InsertRowAboveOutlined aria-hidden />}
                aria-label={`Chèn bản ghi phía trên bản ghi ${row.index + 1}`}
                tabIndex={-1}
                onClick={() => {
                  update((rs) => insertRecord(rs, row.index));
                  focusCell(row.index, firstInput);
                }}
              />
            </Tooltip>
            {isBlankRecord(row.record) ? (
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`Xóa bản ghi ${row.index + 1}`}
                tabIndex={-1}
                onClick={() => update((rs) => removeRecord(rs, row.index))}
              />
            ) : (
              <Popconfirm
                title={`Xóa bản ghi ${row.index + 1}?`}
                okText="Xóa"
                okButtonProps={{ danger: true }}
                cancelText="Hủy"
                onConfirm={() => update((rs) => removeRecord(rs, row.index))}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`Xóa bản ghi ${row.index + 1}`}
                  tabIndex={-1}
                />
              </Popconfirm>
            )}
          </Space>
        ),
      });
    }
    return out;
  }, [columns, list.columns, readOnly, byCell, catalogs, engine, onCommit, onKey, update, focusCell, firstInput]);

  const rows = useMemo(() => records.map((record, index) => ({ index, record })), [records]);
  const width = STT_WIDTH + columns.reduce((w, c) => w + widthOf(c), 0) + (readOnly ? 0 : ACTIONS_WIDTH);
  const listed: ReportProblem[] = problems.slice(0, PROBLEMS_LISTED).map((p) => ({
    kind: p.kind,
    formVersionId: fv,
    formCode: formRef.code,
    message: p.message,
    ...(p.cell ? { cell: p.cell } : {}),
  }));
  const tooMany = list.maxRecords !== undefined && records.length > list.maxRecords;
  const totalColumns = columns.filter((c) => totals.has(c.code));

  return (
    <div className="list-entry" data-testid={`report-form-${formRef.code}`}>
      {extra}
      <div ref={container} tabIndex={-1} onPaste={onPaste} data-testid="list-entry" aria-label={`Bảng nhập bản ghi: ${list.name}`}>
        <Table<Row>
          ref={table}
          size="small"
          bordered
          virtual
          rowKey="index"
          columns={tableColumns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: width, y: height }}
          rowClassName={() => 'list-entry-row'}
          locale={{
            emptyText: readOnly
              ? 'Chưa có bản ghi nào.'
              : 'Chưa có bản ghi nào. Bấm “Thêm bản ghi”, hoặc dán (Ctrl+V) các dòng đã chọn trong Excel vào đây.',
          }}
        />
      </div>
      <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
        {!readOnly && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={append} data-testid="list-add">
            Thêm bản ghi
          </Button>
        )}
        <Typography.Text type={tooMany ? 'danger' : 'secondary'} data-testid="list-count">
          {recordCountText(records.length, list.maxRecords)}
        </Typography.Text>
        {totalColumns.length > 0 && records.length > 0 && (
          <Typography.Text data-testid="list-totals">
            Tổng cộng:{' '}
            {totalColumns.map((c, i) => (
              <span key={c.code}>
                {i > 0 ? '; ' : ''}
                {c.name} <b data-testid={`list-total-${c.code}`}>{formatDecimal(totals.get(c.code)!, c.decimals)}</b>
              </span>
            ))}
          </Typography.Text>
        )}
        {!readOnly && (
          <Typography.Text type="secondary">
            Tab chuyển ô, Enter xuống bản ghi dưới (ở bản ghi cuối: thêm bản ghi mới), Ctrl+V dán nhiều dòng từ Excel.
          </Typography.Text>
        )}
      </Flex>
      {general.length > 0 && <Alert type="error" showIcon style={{ marginTop: 8 }} title={general.join(' ')} />}
      {problems.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <ProblemsAlert
            type="warning"
            testId="list-problems"
            title={`Danh sách còn ${problems.length.toLocaleString('vi-VN')} vấn đề cần sửa trước khi trình${
              problems.length > PROBLEMS_LISTED ? ` (hiển thị ${PROBLEMS_LISTED} vấn đề đầu)` : ''
            }.`}
            problems={listed}
            formName={() => `${formRef.code} – ${formRef.name}`}
            onJump={(p) => {
              const at = p.cell ? parseListCellKey(p.cell) : null;
              const col = at ? columns.findIndex((c) => c.code === at.code) : -1;
              if (at && col >= 0) focusCell(at.index, col);
            }}
          />
        </div>
      )}
    </div>
  );
}
