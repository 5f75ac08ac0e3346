import { useMemo } from 'react';
import { Alert, Card, Checkbox, Col, Empty, Flex, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import {
  SENDING_METHOD_LABELS,
  UNIT_KIND_LABELS,
  type RegimeContent,
  type ReportingUnitSelection,
  type SendingMethod,
  type UnitKind,
} from '@baocao/core';
import { errorMessage } from '../../../api/client.ts';
import { fetchDefaultDeadline, useUnitsPreview } from '../../../api/regimes.ts';
import { UnitTreeSelect } from '../../../shared/UnitTreeSelect.tsx';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { UnitTreeMultiSelect } from '../UnitTreeMultiSelect.tsx';
import { Field, hasProblem } from './fields.tsx';
import { IndicatorMultiSelect } from './IndicatorMultiSelect.tsx';
import {
  GOVERNMENT_RULE,
  SELECTION_MODE_LABELS,
  selectionOfMode,
  selectionReady,
  type Rule,
  type SelectionMode,
  type WizardState,
} from './model.ts';
import { patchContent, type StepProps } from './GeneralSteps.tsx';

const noop = () => {};

/** Step 3: who must report (Art. 7 k3): an explicit list, units of some kinds under a unit, or by indicator allocation. */
export function UnitsStep({ state, update, problems, indicatorNames = {}, rememberIndicators = noop }: StepProps) {
  const selection = state.content.reportingUnits;
  const setSelection = (reportingUnits: ReportingUnitSelection) => patchContent(update, { reportingUnits });
  const debounced = useDebounced(selection, 400);
  const preview = useUnitsPreview(selectionReady(debounced) ? debounced : null);

  return (
    <Row gutter={24}>
      <Col xs={24} xl={14}>
        <Field label="Cách xác định đơn vị thực hiện" path="reportingUnits.mode" problems={problems}>
          <Radio.Group
            aria-label="Cách xác định đơn vị thực hiện"
            value={selection.mode}
            onChange={(e) => setSelection(selectionOfMode(e.target.value as SelectionMode, state.ownerUnitId))}
          >
            <Space orientation="vertical">
              {(Object.keys(SELECTION_MODE_LABELS) as SelectionMode[]).map((m) => (
                <Radio key={m} value={m}>
                  {SELECTION_MODE_LABELS[m]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Field>
        {selection.mode === 'explicit' ? (
          <Field label="Đơn vị thực hiện báo cáo" htmlFor="regime-units" path="reportingUnits" problems={problems} required>
            <UnitTreeMultiSelect
              source="directory"
              id="regime-units"
              value={selection.unitIds}
              status={hasProblem(problems, 'reportingUnits')}
              onChange={(unitIds) => setSelection({ mode: 'explicit', unitIds })}
              placeholder="Chọn các đơn vị thực hiện báo cáo (gõ để tìm)"
            />
          </Field>
        ) : selection.mode === 'by_indicator' ? (
          <>
            <Field
              label="Chỉ tiêu"
              htmlFor="regime-indicators"
              path="reportingUnits.indicatorIds"
              problems={problems}
              required
              extra="Đơn vị thực hiện báo cáo là đơn vị chủ trì (và đơn vị phối hợp) của các chỉ tiêu trong kho chỉ tiêu; tự cập nhật khi phân công chỉ tiêu thay đổi."
            >
              <IndicatorMultiSelect
                id="regime-indicators"
                value={selection.indicatorIds}
                onChange={(indicatorIds) => setSelection({ ...selection, indicatorIds })}
                known={indicatorNames}
                onSeen={rememberIndicators}
                status={hasProblem(problems, 'reportingUnits.indicatorIds')}
              />
            </Field>
            <Field label="Đơn vị phối hợp" path="reportingUnits.includeCoordinating" problems={problems}>
              <Checkbox
                checked={selection.includeCoordinating}
                onChange={(e) => setSelection({ ...selection, includeCoordinating: e.target.checked })}
              >
                Gồm cả đơn vị phối hợp
              </Checkbox>
            </Field>
          </>
        ) : (
          <>
            <Field label="Đơn vị gốc" htmlFor="regime-units-root" path="reportingUnits.rootUnitId" problems={problems} required>
              <UnitTreeSelect
                source="directory"
                id="regime-units-root"
                value={selection.rootUnitId || undefined}
                onChange={(v) => setSelection({ ...selection, rootUnitId: v ?? '' })}
                placeholder="Các đơn vị cấp dưới của đơn vị này"
              />
            </Field>
            <Field label="Loại đơn vị" htmlFor="regime-units-kinds" path="reportingUnits.kinds" problems={problems} required>
              <Select<UnitKind[]>
                id="regime-units-kinds"
                mode="multiple"
                value={selection.kinds}
                onChange={(kinds) => setSelection({ ...selection, kinds })}
                options={(Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
                placeholder="VD: UBND xã, UBND phường"
                status={hasProblem(problems, 'reportingUnits.kinds')}
              />
            </Field>
            <Field label="Phạm vi" path="reportingUnits.includeSubtree" problems={problems}>
              <Radio.Group
                aria-label="Phạm vi"
                value={selection.includeSubtree}
                onChange={(e) => setSelection({ ...selection, includeSubtree: e.target.value as boolean })}
                options={[
                  { value: true, label: 'Toàn bộ đơn vị cấp dưới' },
                  { value: false, label: 'Chỉ đơn vị trực thuộc trực tiếp' },
                ]}
              />
            </Field>
          </>
        )}
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="Các đơn vị sẽ phải báo cáo" data-testid="units-preview" aria-live="polite">
          {!selectionReady(selection) ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chọn đơn vị để xem danh sách." />
          ) : preview.error ? (
            <Alert type="error" showIcon title={errorMessage(preview.error)} />
          ) : !preview.data ? (
            <Flex justify="center" style={{ padding: 24 }}>
              <Spin />
            </Flex>
          ) : (
            <>
              <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                Tổng số: {preview.data.total} đơn vị {preview.isFetching && <Spin size="small" />}
              </Typography.Paragraph>
              {preview.data.total === 0 ? (
                <Alert type="warning" showIcon title="Không có đơn vị nào phù hợp. Chế độ báo cáo phải có ít nhất một đơn vị thực hiện." />
              ) : (
                <ul className="regime-units-preview">
                  {preview.data.units.map((u) => (
                    <li key={u.id}>
                      {u.name} <Tag>{UNIT_KIND_LABELS[u.kind]}</Tag>
                    </li>
                  ))}
                  {preview.data.total > preview.data.units.length && (
                    <li>
                      <Typography.Text type="secondary">… và {preview.data.total - preview.data.units.length} đơn vị khác</Typography.Text>
                    </li>
                  )}
                </ul>
              )}
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** Step 4: the receiving agency (Art. 7 k4, R8) and the sending methods (k5, R14). */
export function ReceiverStep({ state, update, problems }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  const methods = useMemo(() => Object.keys(SENDING_METHOD_LABELS) as SendingMethod[], []);
  const setGovernment = async (checked: boolean) => {
    update((s: WizardState) => ({ ...s, content: { ...s.content, reportsToGovernment: checked } }));
    if (!checked) return;
    // R8: the first level defaults to the 25th of the period's last month; the user may change it.
    let rule: Rule = GOVERNMENT_RULE;
    try {
      const server = await fetchDefaultDeadline(c.frequency, true);
      rule = { ...server, rollForward: server.rollForward ?? true };
    } catch {
      // The rule of ND 09/2019 Art. 13 k1 known here is as good.
    }
    update((s: WizardState) => {
      const deadlines = s.content.deadlines.slice();
      if (deadlines[0]) deadlines[0] = { ...deadlines[0], rule };
      return { ...s, content: { ...s.content, deadlines } };
    });
  };
  return (
    <>
      <Field label="Cơ quan nhận báo cáo" htmlFor="regime-receiver" path="receivingUnitId" problems={problems} required>
        <UnitTreeSelect
          source="directory"
          id="regime-receiver"
          value={c.receivingUnitId || undefined}
          onChange={(v) => set({ receivingUnitId: v ?? '' })}
          placeholder="Chọn cơ quan, đơn vị nhận báo cáo"
        />
      </Field>
      <Field
        label="Báo cáo gửi Chính phủ"
        path="reportsToGovernment"
        problems={problems}
        extra="Khi chọn, thời hạn gửi cấp 1 được đặt mặc định là ngày 25 của tháng cuối kỳ báo cáo (Điều 13 Nghị định 09/2019/NĐ-CP); có thể điều chỉnh ở bước “Thời hạn gửi”."
      >
        <Checkbox checked={c.reportsToGovernment} onChange={(e) => void setGovernment(e.target.checked)}>
          Báo cáo gửi Chính phủ, Thủ tướng Chính phủ
        </Checkbox>
      </Field>
      <Field label="Phương thức gửi, nhận báo cáo" path="sendingMethods" problems={problems} required>
        <Checkbox.Group
          aria-label="Phương thức gửi, nhận báo cáo"
          value={c.sendingMethods}
          onChange={(v) => set({ sendingMethods: v as SendingMethod[] })}
        >
          <Space orientation="vertical">
            {methods.map((m) => (
              <Checkbox key={m} value={m}>
                {SENDING_METHOD_LABELS[m]}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Field>
    </>
  );
}
