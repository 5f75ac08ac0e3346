import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Typography, Upload } from 'antd';
import { FileProtectOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { useVerifyUpload, type VerifyUploadResult } from '../../api/signatures.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { formatHash, worstStatus } from './format.ts';
import { SignatureCard, SignatureStatusTag } from './SignatureCard.tsx';
import './signatures.css';

/**
 * "Xác thực chữ ký số": anyone signed in uploads a signed PDF, or a file with its detached .p7s
 * signature (a report packet, the signed content), and reads what each signature inside says.
 */
export function VerifyPage() {
  const verify = useVerifyUpload();
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const [result, setResult] = useState<VerifyUploadResult | null>(null);
  const [checkedName, setCheckedName] = useState<string>('');

  const submit = async () => {
    if (!file) return;
    setResult(null);
    try {
      setResult(await verify.mutateAsync({ file, signature }));
      setCheckedName(file.name);
    } catch {
      // shown from verify.error below
    }
  };

  return (
    <>
      <PageTitle
        title="Xác thực chữ ký số"
        subtitle="Kiểm tra chữ ký số trên văn bản PDF đã ký, hoặc trên một tệp cùng tệp chữ ký rời (.p7s) của nó."
      />
      <Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Tệp cần kiểm tra
            </Typography.Title>
            <div data-testid="verify-file">
              <Upload.Dragger
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  setResult(null);
                  verify.reset();
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  setResult(null);
                }}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">Kéo thả hoặc bấm để chọn tệp</p>
                <p className="ant-upload-hint">Văn bản PDF đã ký số, hoặc tệp có chữ ký rời (.json, gói tin…)</p>
              </Upload.Dragger>
            </div>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Tệp chữ ký rời (.p7s) – không bắt buộc
            </Typography.Title>
            <div data-testid="verify-signature">
              <Upload.Dragger
                maxCount={1}
                accept=".p7s,.p7m,.pkcs7,.sig"
                beforeUpload={(f) => {
                  setSignature(f);
                  setResult(null);
                  verify.reset();
                  return false;
                }}
                onRemove={() => {
                  setSignature(null);
                  setResult(null);
                }}
                fileList={signature ? [{ uid: 'signature', name: signature.name, status: 'done' }] : []}
              >
                <p className="ant-upload-drag-icon">
                  <FileProtectOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">Tệp chữ ký CMS/PKCS#7 (.p7s)</p>
                <p className="ant-upload-hint">Bỏ trống khi kiểm tra văn bản PDF: chữ ký nằm trong chính tệp PDF.</p>
              </Upload.Dragger>
            </div>
          </Col>
        </Row>
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined aria-hidden />}
            disabled={!file}
            loading={verify.isPending}
            onClick={() => void submit()}
          >
            Xác thực
          </Button>
        </Flex>
        {verify.error && <Alert type="error" showIcon role="alert" className="sig-verify-result" title={errorMessage(verify.error)} />}
      </Card>
      {result && <VerifyResult result={result} fileName={checkedName} />}
    </>
  );
}

function VerifyResult({ result, fileName }: { result: VerifyUploadResult; fileName: string }) {
  const all = result.signatures;
  const valid = all.filter((s) => s.status === 'valid').length;
  const overall = worstStatus(all.map((s) => s.status));
  return (
    <Card
      className="sig-verify-result"
      data-testid="verify-result"
      title={`Kết quả xác thực: ${fileName}`}
      extra={<SignatureStatusTag status={overall} testId="verify-overall" />}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 250 } }}
        items={[
          {
            key: 'kind',
            label: 'Loại kiểm tra',
            children: result.kind === 'pdf' ? 'Chữ ký số trong văn bản PDF' : 'Tệp kèm chữ ký rời (.p7s)',
          },
          {
            key: 'hash',
            label: 'Mã băm của tệp (SHA-256)',
            children: (
              <Typography.Text code className="sig-hash" copyable={{ text: result.fileHash, tooltips: ['Sao chép', 'Đã sao chép'] }}>
                {formatHash(result.fileHash)}
              </Typography.Text>
            ),
          },
          {
            key: 'count',
            label: 'Số chữ ký',
            children: all.length === 0 ? 'Không có' : `${all.length} (${valid} hợp lệ)`,
          },
          ...(result.report
            ? [
                {
                  key: 'report',
                  label: 'Báo cáo trong hệ thống',
                  children: (
                    <Link to="/bao-cao/$id" params={{ id: result.report.reportId }}>
                      {result.report.unitName} – {result.report.periodLabel}, phiên bản {result.report.versionNo}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {all.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="verify-no-signature"
          title={result.kind === 'pdf' ? 'Văn bản PDF này không có chữ ký số nào.' : 'Không tìm thấy chữ ký số nào trong tệp chữ ký.'}
        />
      ) : (
        all.map((s, i) => <SignatureCard key={i} check={s} title={all.length > 1 ? `Chữ ký số thứ ${i + 1}` : 'Chữ ký số'} />)
      )}
    </Card>
  );
}
