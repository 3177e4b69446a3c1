import * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/**
 * Zip-bomb guard for every zip the BFF opens (.xlsx today; any zip-based format later). A zip
 * declares each entry's sizes in its central directory, but a parser (exceljs/JSZip) believes
 * nothing and inflates whatever it finds: a 60 KB .xlsx expanding to a 50 MB cell took the process
 * from 191 MB to 1.2 GB and blocked the event loop for 8 s. The guard therefore
 *  1. walks the central directory and refuses too many entries, an entry or a total declared larger
 *     than the limits, or a compression ratio no real document reaches, and then
 *  2. inflates every entry as a stream, counting the bytes actually produced, and stops at the
 *     first byte beyond the declared size or the limits (a lying central directory gains nothing).
 * Nothing is kept: memory stays at one inflate window per entry. Only then may a parser run, and
 * it should run in a worker with a memory limit (see worker-task.ts) as a second line.
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of one entry (declared and actual). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together (declared and actual). */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed of one entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries (styles, content types) may compress very well without being a threat. */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/**
 * Limits for an import workbook: a 20,000-row × 16-column sheet written by Excel or WPS is about
 * 10–25 MB of XML and compresses 5–20×; exceljs itself writes at most ~60×. A 50 MB cell in 60 KB
 * is 850×.
 */
export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 128 * MB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
};

/** Why a zip was refused: `corrupt` = not a readable zip; the rest = a limit was exceeded. */
export type ZipRefusal = 'corrupt' | 'encrypted' | 'entries' | 'entry-size' | 'total-size' | 'ratio';

export class ZipRefusedError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ZipRefusedError';
  }
}

export interface ZipSummary {
  entries: number;
  /** Bytes actually inflated, all entries together. */
  uncompressedBytes: number;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Checks the declared sizes of one entry against the limits; returns the refusal or null. */
function declaredProblem(entry: Entry, declaredTotal: number, limits: ZipLimits): ZipRefusedError | null {
  const name = entry.fileName.slice(0, 80);
  if (entry.isEncrypted()) return new ZipRefusedError('encrypted', '文件已加密，无法读取');
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return new ZipRefusedError(
      'entry-size',
      `文件中的 ${name} 解压后 ${mb(entry.uncompressedSize)}，超过上限 ${mb(limits.maxEntryBytes)}`,
    );
  }
  if (declaredTotal > limits.maxTotalBytes)
    return new ZipRefusedError('total-size', `文件解压后超过 ${mb(limits.maxTotalBytes)}`);
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    return new ZipRefusedError(
      'ratio',
      `文件中的 ${name} 压缩比 ${Math.round(ratio)} 倍（解压后 ${mb(entry.uncompressedSize)}），疑似压缩炸弹`,
    );
  }
  return null;
}

/** Inflates one entry without keeping it, enforcing the per-entry and running total limits. */
function drain(zip: ZipFile, entry: Entry, limits: ZipLimits, before: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new ZipRefusedError('corrupt', '文件已损坏'));
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // yauzl also stops at the declared size (validateEntrySizes); these hold whatever it declared.
        if (bytes > limits.maxEntryBytes || before + bytes > limits.maxTotalBytes || bytes > entry.uncompressedSize) {
          stream.destroy();
          reject(
            new ZipRefusedError('entry-size', `文件中的 ${entry.fileName.slice(0, 80)} 解压后超过声明的大小或上限`),
          );
        }
      });
      stream.on('error', () => reject(new ZipRefusedError('corrupt', '文件已损坏')));
      stream.on('end', () => resolve(bytes));
    });
  });
}

/**
 * Walks and inflates every entry of the zip in `buffer` under `limits`. Resolves with what it saw;
 * rejects with ZipRefusedError (never anything else) when the zip is unreadable or too big.
 */
export function checkZip(buffer: Buffer, limits: ZipLimits): Promise<ZipSummary> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ZipRefusedError('corrupt', '文件不是有效的压缩包'));
      if (zip.entryCount > limits.maxEntries)
        return reject(
          new ZipRefusedError('entries', `文件包含 ${zip.entryCount} 个部件，超过上限 ${limits.maxEntries}`),
        );
      let entries = 0;
      let declared = 0;
      let actual = 0;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e instanceof ZipRefusedError ? e : new ZipRefusedError('corrupt', '文件已损坏'));
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (!failed) resolve({ entries, uncompressedBytes: actual });
      });
      zip.on('entry', (entry: Entry) => {
        entries += 1;
        declared += entry.uncompressedSize;
        const problem = declaredProblem(entry, declared, limits);
        if (problem) return fail(problem);
        if (entry.fileName.endsWith('/')) return zip.readEntry(); // a directory: nothing to inflate
        drain(zip, entry, limits, actual).then((bytes) => {
          actual += bytes;
          zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  });
}
