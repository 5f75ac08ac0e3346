import { Alert, Input, Select } from 'antd';
import { FORM_KIND_LABELS, type FormKind, type RegimeContent } from '@baocao/core';
import { errorMessage } from '../../../api/client.ts';
import { usePublishedForms } from '../../../api/regimes.ts';
import { Field, hasProblem } from './fields.tsx';
import { patchContent, type StepProps } from './GeneralSteps.tsx';

const OUTLINE: readonly FormKind[] = ['outline'];
const DATA: readonly FormKind[] = ['table', 'list'];

/** Step 7: the outline template (Art. 7 k9), the data forms (k10) and the process guidance (k11). */
export function FormsStep({ state, update, problems, names }: StepProps) {
  const c = state.content;
  const set = (patch: Partial<RegimeContent>) => patchContent(update, patch);
  const outlines = usePublishedForms(OUTLINE);
  const data = usePublishedForms(DATA);

  const option = (f: { id: string; code: string; name: string }) => ({ value: f.id, label: `${f.code} – ${f.name}` });
  // Forms already chosen stay listed even if they are no longer offered (unshared, archived).
  const known = (ids: string[], list: { id: string; code: string; name: string }[]) => {
    const have = new Set(list.map((f) => f.id));
    return ids
      .filter((id) => !have.has(id))
      .map((id) => ({ value: id, label: names?.forms[id] ? `${names.forms[id].code} – ${names.forms[id].name}` : id }));
  };
  const outlineOptions = [...(outlines.data ?? []).map(option), ...known(c.outlineFormId ? [c.outlineFormId] : [], outlines.data ?? [])];
  const dataOptions = [
    ...(data.data ?? []).map((f) => ({ ...option(f), label: `${option(f).label} (${FORM_KIND_LABELS[f.kind]})` })),
    ...known(c.formIds, data.data ?? []),
  ];
  const error = outlines.error ?? data.error;

  return (
    <>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Field
        label="Mẫu đề cương báo cáo"
        htmlFor="regime-outline"
        path="outlineFormId"
        problems={problems}
        required
        extra="Chọn một đề cương báo cáo đã ban hành (thiết kế ở phân hệ Biểu mẫu)."
      >
        <Select<string | null>
          id="regime-outline"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={outlines.isLoading}
          value={c.outlineFormId ?? undefined}
          onChange={(v) => set({ outlineFormId: v ?? null })}
          options={outlineOptions}
          placeholder="Chọn mẫu đề cương"
          status={hasProblem(problems, 'outlineFormId')}
          notFoundContent="Chưa có đề cương báo cáo nào đã ban hành."
        />
      </Field>
      <Field
        label="Biểu mẫu số liệu báo cáo"
        htmlFor="regime-forms"
        path="formIds"
        problems={problems}
        required={c.contentKind !== 'text'}
        extra="Các biểu mẫu số liệu, báo cáo danh sách đã ban hành; đơn vị thực hiện sẽ nhập theo phiên bản hiện hành khi mở kỳ."
      >
        <Select<string[]>
          id="regime-forms"
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={data.isLoading}
          value={c.formIds}
          onChange={(formIds) => set({ formIds })}
          options={dataOptions}
          placeholder="Chọn biểu mẫu"
          status={hasProblem(problems, 'formIds')}
          notFoundContent="Chưa có biểu mẫu nào đã ban hành."
        />
      </Field>
      <Field label="Hướng dẫn quy trình thực hiện báo cáo" htmlFor="regime-guidance" path="guidance" problems={problems}>
        <Input.TextArea
          id="regime-guidance"
          value={c.guidance ?? ''}
          maxLength={20000}
          showCount
          autoSize={{ minRows: 5, maxRows: 16 }}
          placeholder="VD: Đơn vị nhập số liệu, thủ trưởng đơn vị ký số, gửi qua Hệ thống; cơ quan chủ trì tổng hợp trước ngày …"
          onChange={(e) => set({ guidance: e.target.value })}
        />
      </Field>
    </>
  );
}
