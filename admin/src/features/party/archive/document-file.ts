/**
 * The file of a 文件资料柜 entry: a PDF (≤ 20 MB) or a scan photo (JPG/PNG/WebP ≤ 5 MB). The server
 * decides by the bytes; this only spares the user a pointless upload and names what was chosen.
 */
export const DOCUMENT_ACCEPT = '.pdf,application/pdf,image/jpeg,image/png,image/webp';

const MB = 1024 * 1024;
export const PDF_MAX_BYTES = 20 * MB;
export const IMAGE_MAX_BYTES = 5 * MB;

export type DocumentFileKind = 'pdf' | 'image';

/** What the picked file is by its type or name, or null when neither a PDF nor an accepted image. */
export function documentFileKind(file: Pick<File, 'name' | 'type'>): DocumentFileKind | null {
  if (file.type === 'application/pdf' || (!file.type && /\.pdf$/i.test(file.name))) return 'pdf';
  if (/^image\/(jpeg|png|webp)$/.test(file.type)) return 'image';
  return null;
}

/** The Chinese reason a picked file cannot be uploaded, or null when it may be. */
export function documentFileProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  const kind = documentFileKind(file);
  if (!kind) return '只支持 PDF 文件或 JPG、PNG、WebP 图片';
  if (kind === 'pdf' && file.size > PDF_MAX_BYTES) return 'PDF 文件不能超过 20 MB，请压缩或拆分后再上传';
  if (kind === 'image' && file.size > IMAGE_MAX_BYTES) return '图片不能超过 5 MB';
  return null;
}

/** A byte count as people read it: 820 B, 12.3 KB, 4.5 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** Whether a stored file is a PDF (downloaded) rather than an image (shown). */
export const isPdf = (file: { mime: string }): boolean => file.mime === 'application/pdf';
