import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { CERTIFICATE_OWNER_KIND_LABELS, formatDateTime, type CertificateOwnerKind } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import {
  downloadPem,
  useCertificates,
  useDisableCertificate,
  useTrustedCertificates,
  type CertificateItem,
  type TrustedCertificateItem,
} from '../../api/signatures.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { CertificateDetails } from './CertificateDetails.tsx';
import { certificateLabel, certificateTone, commonNameOf, formatSerial, formatValidity, pemFilename, TONE_COLORS } from './format.ts';
import { ImportCertificateDialog } from './ImportCertificateDialog.tsx';
import './signatures.css';

type OwnerFilter = CertificateOwnerKind | 'all';

const TRUSTED_SOURCE_LABELS: Record<TrustedCertificateItem['source'], string> = {
  config: 'Theo cấu hình hệ thống',
  demo: 'CA thử nghiệm (dữ liệu mẫu)',
};

function ownerOf(c: CertificateItem): string {
  return (c.ownerKind === 'unit' ? c.unitName : c.userName) ?? '—';
}

/**
 * "Chứng thư số": the certificates the user signs with (their own, and their units' for the unit
 * administrator), importing one with its key, disabling one; and the trusted roots, downloadable so
 * anyone can verify a signature with their own tools.
 */
export function CertificatesPage() {
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const { data = [], isFetching, error } = useCertificates(owner === 'all' ? {} : { ownerKind: owner });
  const disable = useDisableCertificate();
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = data.find((c) => c.id === openId) ?? null;
  const canImportForUnit = hasPermission(me, 'unit.manage');

  const confirmDisable = (c: CertificateItem) =>
    modal.confirm({
      title: 'Ngừng sử dụng chứng thư số?',
      content: `Chứng thư số “${c.commonName}” (số hiệu ${formatSerial(c.serialNumber)}) sẽ không được dùng để ký báo cáo nữa. Các chữ ký đã tạo bằng chứng thư này vẫn giữ nguyên.`,
      okText: 'Ngừng sử dụng',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await disable.mutateAsync(c.id);
          message.success('Đã ngừng sử dụng chứng thư số.');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <>
      <PageTitle
        title="Chứng thư số"
        subtitle="Chứng thư số dùng để ký báo cáo: của cá nhân lãnh đạo khi duyệt, của cơ quan, đơn vị khi gửi."
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setImporting(true)}>
            Nhập chứng thư số
          </Button>
        }
      />
      <Card>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Segmented<OwnerFilter>
            aria-label="Lọc theo chủ sở hữu"
            value={owner}
            onChange={setOwner}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'person', label: 'Cá nhân' },
              { value: 'unit', label: 'Cơ quan, đơn vị' },
            ]}
          />
        </Flex>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<CertificateItem>
          data-testid="certificates-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: 'Chưa có chứng thư số nào. Bấm “Nhập chứng thư số” để thêm.' }}
          columns={[
            {
              title: 'Chủ sở hữu',
              key: 'owner',
              width: 180,
              render: (_, c) => (
                <>
                  <div>{ownerOf(c)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {CERTIFICATE_OWNER_KIND_LABELS[c.ownerKind]}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: 'Tên trên chứng thư · Tổ chức cấp',
              dataIndex: 'commonName',
              render: (v: string, c) => (
                <>
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setOpenId(c.id)}
                  >
                    {v}
                  </Button>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    Cấp bởi: {commonNameOf(c.issuer)}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: 'Số hiệu',
              dataIndex: 'serialNumber',
              width: 170,
              render: (v: string) => <span className="sig-serial">{formatSerial(v)}</span>,
            },
            { title: 'Hiệu lực', key: 'validity', width: 120, render: (_, c) => formatValidity(c.notBefore, c.notAfter) },
            {
              title: 'Trạng thái',
              key: 'status',
              width: 170,
              render: (_, c) => (
                <>
                  <Tag color={TONE_COLORS[certificateTone(c.status)]} data-testid="certificate-status">
                    {certificateLabel(c.status)}
                  </Tag>
                  {c.statusMessage && c.status !== 'valid' && (
                    <Typography.Text type="secondary" className="sig-cert-status-message">
                      {c.statusMessage}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 110,
              render: (_, c) => (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setOpenId(c.id)}>
                    Chi tiết
                  </Button>
                  {c.status !== 'disabled' && (
                    <Tooltip title="Ngừng sử dụng">
                      <Button
                        size="small"
                        danger
                        icon={<StopOutlined aria-hidden />}
                        aria-label={`Ngừng sử dụng chứng thư số ${c.commonName}`}
                        onClick={() => confirmDisable(c)}
                      />
                    </Tooltip>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      <TrustedRoots />

      {importing && (
        <ImportCertificateDialog
          canImportForUnit={canImportForUnit}
          onClose={() => setImporting(false)}
          onImported={(item) => {
            setImporting(false);
            message.success(`Đã nhập chứng thư số “${item.commonName}”.`);
          }}
        />
      )}
      {open && <CertificateDrawer certificate={open} onClose={() => setOpenId(null)} onDisable={() => confirmDisable(open)} />}
    </>
  );
}

function CertificateDrawer({
  certificate: c,
  onClose,
  onDisable,
}: {
  certificate: CertificateItem;
  onClose: () => void;
  onDisable: () => void;
}) {
  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={c.commonName}
      data-testid="certificate-drawer"
      extra={
        c.status !== 'disabled' && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={onDisable}>
            Ngừng sử dụng
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'kind', label: 'Loại', children: CERTIFICATE_OWNER_KIND_LABELS[c.ownerKind] },
          { key: 'owner', label: 'Chủ sở hữu', children: ownerOf(c) },
          {
            key: 'status',
            label: 'Trạng thái',
            children: (
              <div>
                <Tag color={TONE_COLORS[certificateTone(c.status)]}>{certificateLabel(c.status)}</Tag>
                {c.statusMessage && <div style={{ marginTop: 4 }}>{c.statusMessage}</div>}
              </div>
            ),
          },
          {
            key: 'imported',
            label: 'Nhập lúc',
            children: `${formatDateTime(c.importedAt)}${c.importedByName ? ` · ${c.importedByName}` : ''}`,
          },
        ]}
      />
      <CertificateDetails certificate={c} />
    </Drawer>
  );
}

function TrustedRoots() {
  const { data = [], isLoading, error } = useTrustedCertificates();
  return (
    <Card title="Chứng thư gốc được tin cậy" style={{ marginTop: 16 }} data-testid="trusted-roots">
      <Typography.Paragraph type="secondary">
        Chữ ký số chỉ được coi là hợp lệ khi chứng thư số của người ký do một trong các tổ chức dưới đây cấp. Tải chứng thư gốc để tự kiểm
        tra chữ ký bằng công cụ khác (OpenSSL, phần mềm đọc PDF).
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {errorMessage(error)}
        </Typography.Paragraph>
      )}
      <Table<TrustedCertificateItem>
        rowKey="fingerprintSha256"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Chưa cấu hình chứng thư gốc nào.' }}
        expandable={{ expandedRowRender: (t) => <CertificateDetails certificate={t} /> }}
        columns={[
          { title: 'Tên', dataIndex: 'commonName' },
          { title: 'Tổ chức cấp', dataIndex: 'issuer', render: (v: string) => commonNameOf(v) },
          { title: 'Hiệu lực', key: 'validity', width: 200, render: (_, t) => formatValidity(t.notBefore, t.notAfter) },
          { title: 'Nguồn', dataIndex: 'source', width: 210, render: (v: TrustedCertificateItem['source']) => TRUSTED_SOURCE_LABELS[v] },
          {
            title: '',
            key: 'download',
            width: 200,
            render: (_, t) => (
              <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={() => downloadPem(t.pem, pemFilename(t.commonName))}>
                Tải chứng thư gốc
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
