import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Space } from 'antd';
import type { Form, ReportCellValue, ReportDataPatch, ReportDetail, ReportFormData, ReportFormRef } from '@baocao/core';
import { useConsolidation } from '../../api/reportData.ts';
import { EntryGrid, type EntryGridHandle } from '../forms/grid/EntryGrid.tsx';
import type { CellWrite } from '../forms/grid/history.ts';
import { ConsolidationPanel, CellDrillDown } from './ConsolidationPanel.tsx';
import { ExcelRoundTrip } from './ExcelRoundTrip.tsx';
import { cellLabels, overrideProblems } from './data/consolidation.ts';
import { explanationPatch, notePatch, valuesPatch } from './draftPatch.ts';
import type { ReportProblem } from './format.ts';
import { inputsOf, resolverFor, storedOf, writesOf } from './formData.ts';
import { ProblemsAlert } from './ProblemsAlert.tsx';

/** The grid fills the window below the sticky tab bar, so a 300-row form scrolls inside it, not the page. */
export function useGridHeight(offset = 200, min = 360): number {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 600 : Math.max(min, window.innerHeight - offset)));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(min, window.innerHeight - offset));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [offset, min]);
  return height;
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/**
 * One table form of the report: the entry grid with the stored values, the period values its
 * formulas read, the explanations of warnings, the consolidator's notes; in its toolbar the Excel
 * round trip and, for a consolidating unit, the pre-fill from subunits with a drill-down per cell,
 * where a figure changed from the consolidated one gets its note. The cells changed without a
 * note are listed above the grid (the server refuses the submission while one is left).
 * Mounted afresh (by key) whenever the data under it was replaced; edits go out as patches.
 */
export function EntryTab({
  detail,
  formRef,
  form,
  formData,
  readOnly,
  onChange,
  onApplyPatch,
  gridRef,
  extra,
}: {
  detail: ReportDetail;
  formRef: ReportFormRef;
  form: Form;
  /** The form's data as the user sees it (saved + pending). */
  formData: ReportFormData | undefined;
  readOnly: boolean;
  onChange: (patch: ReportDataPatch) => void;
  /** An Excel import's patch: applied through the page's save path. */
  onApplyPatch: (patch: ReportDataPatch) => Promise<void>;
  gridRef: (handle: EntryGridHandle | null) => void;
  extra?: ReactNode;
}) {
  const fv = formRef.versionId;
  // Read once: the grid owns the values after it mounts (a new key brings new ones).
  const [initialValues] = useState(() => inputsOf(form, formData?.values ?? {}));
  const resolver = useMemo(() => resolverFor(formRef, detail.periodValues), [formRef, detail.periodValues]);
  const notes = formData?.notes;
  const cellNotes = useMemo(() => (notes && Object.keys(notes).length ? new Map(Object.entries(notes)) : undefined), [notes]);
  const explanations = formData?.explanations ?? EMPTY;
  const height = useGridHeight();

  const consolidation = useConsolidation(detail.id, fv, detail.consolidates);
  const cells = consolidation.data?.cells;
  const cellInfoKeys = useMemo(() => (cells ? new Set(Object.keys(cells)) : undefined), [cells]);
  const [drill, setDrill] = useState<string | null>(null);
  const labels = useMemo(() => (detail.consolidates ? cellLabels(form) : null), [detail.consolidates, form]);
  const unexplained = useMemo(
    () => (detail.consolidates && !readOnly ? overrideProblems(form, formRef, consolidation.data, formData) : []),
    [detail.consolidates, readOnly, form, formRef, consolidation.data, formData],
  );

  // A ref, not state: the grid hands a new handle whenever its state object changes.
  const handle = useRef<EntryGridHandle | null>(null);
  const attach = useCallback(
    (h: EntryGridHandle | null) => {
      handle.current = h;
      gridRef(h);
    },
    [gridRef],
  );

  const onChangeBatch = useCallback((changes: CellWrite[]) => onChange(valuesPatch(fv, storedOf(changes))), [onChange, fv]);
  const onExplain = useCallback((key: string, text: string) => onChange(explanationPatch(fv, key, text)), [onChange, fv]);
  const onNote = useCallback((key: string, text: string) => onChange(notePatch(fv, key, text)), [onChange, fv]);
  const openOverride = useCallback((p: ReportProblem) => {
    if (!p.cell) return;
    handle.current?.focusCell(p.cell);
    setDrill(p.cell);
  }, []);
  const formName = useCallback(() => `${formRef.code} – ${formRef.name}`, [formRef]);
  const applyConsolidated = useCallback(
    (values: Record<string, ReportCellValue>) => {
      if (handle.current) handle.current.apply(writesOf(form, values));
      else onChange(valuesPatch(fv, values));
    },
    [form, onChange, fv],
  );

  const editable = !readOnly;
  return (
    <div className="report-entry" data-testid={`report-form-${formRef.code}`}>
      {extra}
      {unexplained.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <ProblemsAlert
            type="warning"
            testId="override-problems"
            title={`Có ${unexplained.length} ô đã sửa khác số tổng hợp từ đơn vị cấp dưới nhưng chưa ghi chú lý do điều chỉnh. Bấm vào từng ô để xem số tổng hợp và ghi chú.`}
            problems={unexplained}
            formName={formName}
            onJump={openOverride}
          />
        </div>
      )}
      <EntryGrid
        ref={attach}
        form={form}
        layout={form.layout}
        height={height}
        initialValues={initialValues}
        onChangeBatch={onChangeBatch}
        readOnly={readOnly}
        resolver={resolver}
        cellNotes={cellNotes}
        cellInfoKeys={cellInfoKeys}
        onCellInfo={detail.consolidates ? setDrill : undefined}
        explanations={explanations}
        onExplain={readOnly ? undefined : onExplain}
        showClearAll={false}
        toolbarExtra={
          <Space size={4} wrap>
            <ExcelRoundTrip reportId={detail.id} form={formRef} editable={editable} onApply={onApplyPatch} />
            {detail.consolidates && (
              <ConsolidationPanel
                reportId={detail.id}
                form={formRef}
                editable={editable}
                onApply={applyConsolidated}
                onOpenCell={setDrill}
              />
            )}
          </Space>
        }
        data-testid="report-grid"
      />
      {consolidation.error && detail.consolidates ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="Chưa tải được số liệu tổng hợp từ đơn vị trực thuộc." />
      ) : null}
      {drill && (
        <CellDrillDown
          key={drill}
          source={{ reportId: detail.id }}
          formVersionId={fv}
          cellKey={drill}
          rowLabel={labels?.rows.get(drill.slice(0, drill.indexOf(':')))}
          colLabel={labels?.cols.get(drill.slice(drill.indexOf(':') + 1))}
          open
          onClose={() => setDrill(null)}
          entry={{
            value: formData?.values[drill],
            note: formData?.notes[drill],
            onNote: readOnly ? undefined : (text) => onNote(drill, text),
          }}
        />
      )}
    </div>
  );
}
