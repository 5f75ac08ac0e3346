import { Button, Dropdown } from 'antd';
import { DownOutlined, FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { downloadReportDocument, useVersionSignatures } from '../../api/signatures.ts';
import { useDownload } from './useDownload.ts';

/**
 * "Văn bản": the report version as an administrative document, DOCX to edit and PDF to file. Once
 * the leader approved, the PDF is the one carrying the leader's signature.
 */
export function DocumentDownloads({ reportId, versionNo, size }: { reportId: string; versionNo: number; size?: 'small' | 'middle' }) {
  const { data } = useVersionSignatures(reportId, versionNo);
  const { busy, run } = useDownload();
  const signedPdf = !!data?.signatures.some((s) => !s.superseded && s.hasSignedPdf);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'docx',
            icon: <FileWordOutlined aria-hidden />,
            label: 'Tải văn bản (.docx)',
            onClick: () => void run('docx', () => downloadReportDocument(reportId, versionNo, 'docx')),
          },
          {
            key: 'pdf',
            icon: <FilePdfOutlined aria-hidden />,
            label: signedPdf ? 'Tải văn bản ký số (.pdf)' : 'Tải văn bản (.pdf, chưa ký số)',
            onClick: () => void run('pdf', () => downloadReportDocument(reportId, versionNo, 'pdf')),
          },
        ],
      }}
    >
      <Button size={size} icon={<FileTextOutlined aria-hidden />} loading={busy !== null} data-testid="document-downloads">
        Văn bản <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
