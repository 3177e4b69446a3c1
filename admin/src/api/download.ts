/** Browser side of file downloads: the file's name from the answer, and handing a blob to the user. */

/** File name from `Content-Disposition` (RFC 5987 `filename*` first), else the fallback. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  const header = contentDisposition ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: try the plain parameter
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Saves a blob as a file (temporary object URL, revoked after the click). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
