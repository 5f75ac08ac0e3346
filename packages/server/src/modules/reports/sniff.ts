import { fileTypeFromBuffer } from 'file-type';

/**
 * What an uploaded document really is, read from its bytes (file-type's magic numbers; for Office
 * files it looks inside the zip, so a .docx is told from an .xlsx and from a plain zip). The name's
 * extension must agree with the content: an executable renamed .pdf is refused for what it is.
 */

export interface AcceptedType {
  mime: string;
  /** Extensions a file of this type may carry. */
  extensions: readonly string[];
  label: string;
}

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], label: 'tài liệu PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'văn bản Word (.docx)',
  },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'bảng tính Excel (.xlsx)' },
  { mime: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
];

/** How the types people most often send by mistake are named in a refusal. */
const KNOWN_OTHERS: Record<string, string> = {
  exe: 'tệp thực thi (chương trình chạy trên Windows)',
  elf: 'tệp thực thi (chương trình chạy trên Linux)',
  macho: 'tệp thực thi (chương trình chạy trên macOS)',
  dll: 'thư viện chương trình',
  msi: 'gói cài đặt chương trình',
  apk: 'gói cài đặt ứng dụng Android',
  class: 'chương trình Java',
  wasm: 'chương trình WebAssembly',
  zip: 'tệp nén ZIP',
  rar: 'tệp nén RAR',
  '7z': 'tệp nén 7z',
  gz: 'tệp nén gzip',
  cfb: 'tài liệu Office định dạng cũ (.doc, .xls)',
  xlsm: 'bảng tính Excel có macro (.xlsm)',
  docm: 'văn bản Word có macro (.docm)',
  pptx: 'bản trình chiếu PowerPoint (.pptx)',
  gif: 'ảnh GIF',
  webp: 'ảnh WebP',
  bmp: 'ảnh BMP',
  tif: 'ảnh TIFF',
  heic: 'ảnh HEIC',
  mp4: 'tệp video',
  mp3: 'tệp âm thanh',
};

export type SniffResult =
  | { ok: true; type: AcceptedType }
  | {
      ok: false;
      /** What the content really is, in words ("tệp thực thi"), or null when it is not recognised. */
      actual: string | null;
      reason: 'not_accepted' | 'extension_mismatch' | 'unknown';
    };

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Decides from the bytes, then checks the name's extension against what was found. */
export async function sniffDocument(fileName: string, content: Uint8Array): Promise<SniffResult> {
  const found = await fileTypeFromBuffer(content);
  if (!found) return { ok: false, actual: null, reason: 'unknown' };
  const type = ACCEPTED_TYPES.find((t) => t.mime === found.mime);
  if (!type) return { ok: false, actual: KNOWN_OTHERS[found.ext] ?? `tệp .${found.ext}`, reason: 'not_accepted' };
  if (!type.extensions.includes(extensionOf(fileName))) return { ok: false, actual: type.label, reason: 'extension_mismatch' };
  return { ok: true, type };
}
