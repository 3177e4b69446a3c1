/** Largest GeoJSON file the browser reads for an import (the BFF enforces its own body limit). */
export const MAX_GEOJSON_BYTES = 5 * 1024 * 1024;

/** Text of a chosen file, refusing oversized ones with a Chinese message. */
export async function readTextFile(file: File): Promise<string> {
  if (file.size > MAX_GEOJSON_BYTES) throw new Error('文件过大（最大 5 MB）');
  return file.text();
}

/** Offers a Blob as a download under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
