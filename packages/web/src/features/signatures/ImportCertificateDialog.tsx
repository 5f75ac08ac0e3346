import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { CertificateItem, CertificateOwnerKind } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useImportCertificate } from '../../api/signatures.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { CERTIFICATE_FILE_ACCEPT, certificateFileKind } from './format.ts';

type Field = 'file' | 'unitId' | 'password';

/**
 * Imports a certificate with its private key: a PKCS#12 file (.p12/.pfx) and its password, or a PEM
 * holding the certificate, its chain and an unencrypted key. The password lives only in this dialog's
 * state and goes to the server once; it is not kept anywhere in the browser.
 */
export function ImportCertificateDialog({
  canImportForUnit,
  onClose,
  onImported,
}: {
  /** Whether the user administers some unit (a unit's certificate is the unit administrator's to import). */
  canImportForUnit: boolean;
  onClose: () => void;
  onImported: (item: CertificateItem) => void;
}) {
  const importCertificate = useImportCertificate();
  const [ownerKind, setOwnerKind] = useState<CertificateOwnerKind>('person');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const kind = file ? certificateFileKind(file.name) : null;

  const submit = async () => {
    const next: typeof errors = {};
    if (!file) next.file = 'Vui lòng chọn tệp chứng thư số.';
    else if (!kind) next.file = 'Chỉ nhận tệp PKCS#12 (.p12, .pfx) hoặc PEM (.pem, .crt, .key).';
    if (ownerKind === 'unit' && !unitId) next.unitId = 'Vui lòng chọn đơn vị sở hữu chứng thư số.';
    if (kind === 'pkcs12' && !password) next.password = 'Vui lòng nhập mật khẩu của tệp PKCS#12.';
    setErrors(next);
    setServerError(null);
    if (Object.keys(next).length || !file) return;
    try {
      const item = await importCertificate.mutateAsync({
        file,
        ownerKind,
        unitId: ownerKind === 'unit' ? unitId : undefined,
        password: kind === 'pkcs12' || password ? password : undefined,
      });
      setPassword('');
      onImported(item);
    } catch (e) {
      // A wrong password is the password field's problem; every other refusal concerns the file.
      if (isApiError(e, 'CERTIFICATE_BAD_PASSWORD')) setErrors({ password: errorMessage(e) });
      else setServerError(errorMessage(e));
    }
  };

  const status = (f: Field) => (errors[f] ? 'error' : undefined);
  return (
    <Modal
      open
      title="Nhập chứng thư số"
      okText="Nhập chứng thư số"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={importCertificate.isPending}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">
        Chứng thư số phải kèm khóa bí mật, còn hiệu lực và do tổ chức chứng thực được tin cậy cấp. Khóa bí mật được mã hóa khi lưu trên máy
        chủ và chỉ dùng để ký báo cáo.
      </Typography.Paragraph>
      {serverError && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={serverError} data-testid="certificate-import-error" />
      )}
      <Form layout="vertical" component="div">
        <Form.Item label="Chứng thư số của">
          <Radio.Group
            value={ownerKind}
            onChange={(e) => setOwnerKind(e.target.value as CertificateOwnerKind)}
            options={[
              { value: 'person', label: 'Cá nhân tôi' },
              {
                value: 'unit',
                label: 'Đơn vị',
                disabled: !canImportForUnit,
                title: canImportForUnit ? undefined : 'Chứng thư số của đơn vị do quản trị đơn vị nhập.',
              },
            ]}
          />
        </Form.Item>
        {ownerKind === 'unit' && (
          <Form.Item label="Đơn vị" htmlFor="certificate-unit" required validateStatus={status('unitId')} help={errors.unitId}>
            <UnitTreeSelect
              id="certificate-unit"
              value={unitId}
              onChange={setUnitId}
              manageableOnly
              placeholder="Chọn đơn vị bạn quản trị"
            />
          </Form.Item>
        )}
        <Form.Item
          label="Tệp chứng thư số"
          required
          validateStatus={status('file')}
          help={errors.file}
          extra="PKCS#12 (.p12, .pfx) có mật khẩu, hoặc PEM (.pem) chứa chứng thư số và khóa bí mật."
        >
          <Upload
            accept={CERTIFICATE_FILE_ACCEPT}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setErrors((e) => ({ ...e, file: undefined }));
              setServerError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'certificate', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined aria-hidden />} data-testid="certificate-file">
              Chọn tệp
            </Button>
          </Upload>
        </Form.Item>
        {kind !== 'pem' && (
          <Form.Item
            label="Mật khẩu của tệp PKCS#12"
            htmlFor="certificate-password"
            required={kind === 'pkcs12'}
            validateStatus={status('password')}
            help={errors.password}
          >
            <Input.Password
              id="certificate-password"
              value={password}
              autoComplete="off"
              onChange={(e) => {
                setPassword(e.target.value);
                setErrors((er) => ({ ...er, password: undefined }));
              }}
              onPressEnter={() => void submit()}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
