import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form as AntForm,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { ImportOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { DEFAULT_STT_STYLES, FORM_KIND_LABELS, formatDateTime, type FormKind, type FormSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { importFormExcel, useFormList, useFormMutation, type FormFilters, type FormImportPreview } from '../../api/forms.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { EntryGrid } from './grid/EntryGrid.tsx';
import { VersionTag } from './designer/DesignerModals.tsx';
import { analyse, toEditable } from './designer/model.ts';

export function FormsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<FormFilters>({ view: 'mine', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const effective = { ...filters, q: q || undefined };
  const { data, isFetching, error } = useFormList(effective);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const canDesign = hasPermission(me, 'form.design');
  const open = (id: string) => void navigate({ to: '/bieu-mau/$id', params: { id } });

  return (
    <>
      <PageTitle
        title="Biểu mẫu"
        subtitle="Thiết kế biểu mẫu báo cáo số liệu; dùng lại mẫu trong kho báo cáo mẫu"
        extra={
          canDesign && (
            <Space>
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
                Nhập từ Excel
              </Button>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                Tạo biểu mẫu
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={filters.view}
          onChange={(view) => setFilters({ ...filters, view: view as FormFilters['view'], page: 1 })}
          items={[
            { key: 'mine', label: 'Biểu mẫu của đơn vị' },
            { key: 'library', label: 'Kho báo cáo mẫu' },
          ]}
        />
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo ký hiệu hoặc tên biểu mẫu (có dấu hoặc không dấu)"
          aria-label="Tìm biểu mẫu"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setFilters((f) => ({ ...f, page: 1 }));
          }}
          style={{ maxWidth: 480, marginBottom: 16 }}
          data-testid="form-search"
        />
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<FormSummary>
          data-testid="forms-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowClassName={() => 'clickable-row'}
          onRow={(f) => ({ onClick: () => open(f.id) })}
          locale={{ emptyText: filters.view === 'mine' ? 'Đơn vị chưa có biểu mẫu nào.' : 'Chưa có biểu mẫu nào được chia sẻ.' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `Tổng số ${t} biểu mẫu`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: 'Ký hiệu',
              dataIndex: 'code',
              width: 140,
              render: (c: string, f) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => open(f.id)}>
                  {c}
                </Button>
              ),
            },
            { title: 'Tên biểu mẫu', dataIndex: 'name' },
            { title: 'Loại', dataIndex: 'kind', width: 170, render: (k: FormSummary['kind']) => FORM_KIND_LABELS[k] },
            { title: 'Đơn vị chủ trì', dataIndex: 'ownerUnitName', ellipsis: true },
            { title: 'Lĩnh vực', dataIndex: 'fieldGroup', render: (v: string | null) => v ?? '—' },
            {
              title: 'Phiên bản',
              key: 'v',
              width: 220,
              render: (_, f) => (
                <Space size={4} wrap>
                  {f.latestPublished && (
                    <>
                      <span>Số {f.latestPublished.versionNo}</span>
                      <VersionTag v={f.latestPublished} />
                    </>
                  )}
                  {f.draft && <VersionTag v={f.draft} />}
                  {f.copiedFrom && <Tag>Sao từ {f.copiedFrom.code}</Tag>}
                </Space>
              ),
            },
            { title: 'Cập nhật', dataIndex: 'updatedAt', width: 170, render: (t: string) => formatDateTime(t) },
          ]}
        />
      </Card>
      {creating && <CreateFormModal onClose={() => setCreating(false)} onCreated={open} defaultUnitId={me.unitId} />}
      {importing && <ImportFormModal onClose={() => setImporting(false)} onCreated={open} defaultUnitId={me.unitId} />}
    </>
  );
}

interface CreateValues {
  kind: FormKind;
  ownerUnitId: string;
  code: string;
  name: string;
}

/** A sensible first draft of each kind: a list needs one column, an outline one section. */
function emptyDefinition(v: CreateValues) {
  const base = { name: v.name, code: v.code, ownerUnitId: v.ownerUnitId };
  switch (v.kind) {
    case 'list':
      return { ...base, columns: [{ code: 'C1', name: 'Tên', type: 'text', kind: 'input', checks: ['required'] }], totalColumns: [] };
    case 'outline':
      return {
        ...base,
        sttStyles: [...DEFAULT_STT_STYLES],
        sections: [{ id: crypto.randomUUID(), title: 'Tình hình thực hiện', required: false, children: [] }],
        figures: [],
      };
    default:
      return { ...base, sttStyles: [...DEFAULT_STT_STYLES], rows: [], columns: [] };
  }
}

function CreateFormModal({
  onClose,
  onCreated,
  defaultUnitId,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
  defaultUnitId?: string | null;
}) {
  const { message } = App.useApp();
  const [af] = AntForm.useForm<CreateValues>();
  const mutation = useFormMutation();
  const submit = async (v: CreateValues) => {
    try {
      const created = (await mutation.mutateAsync({
        kind: 'create',
        body: { kind: v.kind, ownerUnitId: v.ownerUnitId, definition: emptyDefinition(v) },
      })) as FormSummary;
      message.success('Đã tạo biểu mẫu (bản nháp).');
      onClose();
      onCreated(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title="Tạo biểu mẫu"
      onCancel={onClose}
      onOk={() => af.submit()}
      okText="Tạo biểu mẫu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
    >
      <AntForm
        form={af}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'table', ownerUnitId: defaultUnitId ?? undefined }}
        data-testid="create-form-form"
      >
        <AntForm.Item name="kind" label="Loại biểu mẫu">
          <Radio.Group
            optionType="button"
            options={(Object.keys(FORM_KIND_LABELS) as FormKind[]).map((k) => ({ value: k, label: FORM_KIND_LABELS[k] }))}
          />
        </AntForm.Item>
        <AntForm.Item name="name" label="Tên biểu mẫu" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input placeholder="VD: Báo cáo tình hình thực hiện dự toán thu ngân sách" />
        </AntForm.Item>
        <AntForm.Item name="code" label="Ký hiệu biểu" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input placeholder="VD: 01/BC-TC" />
        </AntForm.Item>
        <AntForm.Item name="ownerUnitId" label="Đơn vị chủ trì" rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}>
          <UnitTreeSelect />
        </AntForm.Item>
      </AntForm>
    </Modal>
  );
}

/** Excel → a definition to review (nothing is saved by the import itself), then "Tạo biểu mẫu". */
function ImportFormModal({
  onClose,
  onCreated,
  defaultUnitId,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
  defaultUnitId?: string | null;
}) {
  const { message } = App.useApp();
  const mutation = useFormMutation();
  const [preview, setPreview] = useState<FormImportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [ownerUnitId, setOwner] = useState<string | undefined>(defaultUnitId ?? undefined);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [err, setErr] = useState<string | null>(null);

  const upload = async (file: File) => {
    setLoading(true);
    setErr(null);
    try {
      const p = await importFormExcel(file);
      setPreview(p);
      const d = toEditable(p.definition);
      setCode(d.code);
      setName(d.name);
    } catch (e) {
      setErr(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  const def = preview ? { ...toEditable(preview.definition), code, name, ownerUnitId } : null;
  const analysis = def ? analyse(def) : null;
  const create = async () => {
    if (!def || !ownerUnitId) return;
    try {
      const created = (await mutation.mutateAsync({
        kind: 'create',
        body: { kind: 'table', ownerUnitId, definition: def },
      })) as FormSummary;
      message.success('Đã tạo biểu mẫu từ tệp Excel (bản nháp).');
      onClose();
      onCreated(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const problems = [...(preview?.problems ?? []), ...(analysis?.problems ?? [])];
  return (
    <Modal
      open
      width={1100}
      title="Nhập biểu mẫu từ tệp Excel"
      onCancel={onClose}
      cancelText="Hủy"
      okText="Tạo biểu mẫu"
      okButtonProps={{ disabled: !preview || !ownerUnitId || !code.trim() || !name.trim() }}
      onOk={() => void create()}
      confirmLoading={mutation.isPending}
    >
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
        data-testid="form-import-upload"
      >
        <p>
          <UploadOutlined style={{ fontSize: 28, color: '#1f4e8c' }} aria-hidden />
        </p>
        <p>Kéo tệp .xlsx vào đây hoặc bấm để chọn tệp.</p>
        <Typography.Text type="secondary">
          Hệ thống đọc tiêu đề cột, các dòng chỉ tiêu và công thức; chưa lưu gì cho đến khi bạn bấm “Tạo biểu mẫu”.
        </Typography.Text>
      </Upload.Dragger>
      {loading && <Typography.Paragraph style={{ marginTop: 12 }}>Đang đọc tệp…</Typography.Paragraph>}
      {err && <Alert style={{ marginTop: 12 }} type="error" showIcon title={err} />}
      {preview && def && (
        <div style={{ marginTop: 16 }} data-testid="form-import-preview">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="Trang tính">{preview.sheetName}</Descriptions.Item>
            <Descriptions.Item label="Số dòng chỉ tiêu">{preview.summary.rows}</Descriptions.Item>
            <Descriptions.Item label="Số cột (tầng tiêu đề)">
              {preview.summary.columns} ({preview.summary.headerDepth})
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={12} wrap style={{ margin: '12px 0' }}>
            <label style={{ flex: '2 1 320px' }}>
              <span className="tree-sub-label">Tên biểu mẫu</span>
              <Input aria-label="Tên biểu mẫu nhập" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label style={{ flex: '1 1 160px' }}>
              <span className="tree-sub-label">Ký hiệu biểu</span>
              <Input aria-label="Ký hiệu biểu nhập" value={code} onChange={(e) => setCode(e.target.value)} />
            </label>
            <div style={{ flex: '2 1 280px' }}>
              <span className="tree-sub-label">Đơn vị chủ trì</span>
              <UnitTreeSelect value={ownerUnitId} onChange={setOwner} />
            </div>
          </Flex>
          {problems.length > 0 && (
            <Alert
              type={problems.some((p) => p.severity === 'error') ? 'warning' : 'info'}
              showIcon
              title="Cần xem lại sau khi tạo (sửa trong trình thiết kế):"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {problems.slice(0, 20).map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          {analysis?.form ? <EntryGrid form={analysis.form} height={320} showPanel={false} data-testid="import-grid" /> : null}
        </div>
      )}
    </Modal>
  );
}
