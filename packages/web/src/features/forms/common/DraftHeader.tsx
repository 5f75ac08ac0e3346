import { useState, type ReactNode } from 'react';
import { Alert, Button, Space, Tag } from 'antd';
import {
  CopyOutlined,
  DiffOutlined,
  DownloadOutlined,
  HistoryOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
  ShareAltOutlined,
} from '@ant-design/icons';
import { FORM_KIND_LABELS, type FormKind, type FormSummary, type FormVersionDetail } from '@baocao/core';
import { exportFormExcel, useFormVersions } from '../../../api/forms.ts';
import { PageTitle } from '../../../shared/Page.tsx';
import { CopyModal, DiffModal, ShareModal, VersionTag, VersionsDrawer } from '../designer/DesignerModals.tsx';
import type { Analysis, Draft } from './useDraft.ts';

/** Title, status and the actions of a form designer, with the read-only notice and dialogs. */
export function DraftHeader<K extends FormKind, A extends Analysis>({
  form,
  version,
  draft,
  name,
  code,
}: {
  form: FormSummary;
  version: FormVersionDetail;
  draft: Draft<K, A>;
  name: string;
  code: string;
}) {
  const versions = useFormVersions(form.id);
  const [dialog, setDialog] = useState<'versions' | 'diff' | 'share' | 'copy' | null>(null);
  const { editable, dirty } = draft;
  let notice: ReactNode = null;
  if (!editable)
    notice = form.canDesign
      ? 'Đây là phiên bản đã ban hành, chỉ xem. Bấm “Tạo phiên bản mới” để điều chỉnh.'
      : 'Biểu mẫu của đơn vị khác, chỉ xem. Bấm “Sao chép để điều chỉnh” để tạo bản của đơn vị mình.';
  return (
    <>
      <PageTitle
        title={name || form.name}
        subtitle={
          <Space size={8} wrap>
            <span>
              Ký hiệu: <b>{code || form.code}</b>
            </span>
            <span>· {FORM_KIND_LABELS[form.kind]}</span>
            <span>· {form.ownerUnitName}</span>
            <span>· Phiên bản {version.versionNo}</span>
            <VersionTag v={version} />
            {dirty && <Tag color="orange">Chưa lưu</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<SaveOutlined aria-hidden />} onClick={() => void draft.save()} loading={draft.saving} disabled={!dirty}>
                Lưu nháp
              </Button>
            )}
            {editable && (
              <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={draft.publish}>
                Ban hành
              </Button>
            )}
            {form.canDesign && !form.draft && form.latestPublished && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void draft.newDraft()}>
                Tạo phiên bản mới
              </Button>
            )}
            <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setDialog('versions')}>
              Phiên bản
            </Button>
            <Button icon={<DiffOutlined aria-hidden />} onClick={() => setDialog('diff')} disabled={(versions.data?.length ?? 0) < 2}>
              So sánh phiên bản
            </Button>
            {form.canDesign && form.latestPublished && (
              <Button icon={<ShareAltOutlined aria-hidden />} onClick={() => setDialog('share')}>
                Chia sẻ
              </Button>
            )}
            {!form.canDesign && form.latestPublished && (
              <Button icon={<CopyOutlined aria-hidden />} onClick={() => setDialog('copy')}>
                Sao chép để điều chỉnh
              </Button>
            )}
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => exportFormExcel(form.id, version.id)}>
              Xuất Excel
            </Button>
          </Space>
        }
      />
      {notice && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={notice} />}
      {dialog === 'versions' && (
        <VersionsDrawer form={form} versions={versions.data ?? []} onClose={() => setDialog(null)} onCompare={() => setDialog('diff')} />
      )}
      {dialog === 'diff' && <DiffModal formId={form.id} versions={versions.data ?? []} onClose={() => setDialog(null)} />}
      {dialog === 'share' && <ShareModal form={form} onClose={() => setDialog(null)} />}
      {dialog === 'copy' && <CopyModal form={form} onClose={() => setDialog(null)} />}
    </>
  );
}
