import { randomBytes } from 'crypto';
import { join } from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { checkZip, XLSX_ZIP_LIMITS, ZipRefusedError } from '../src/core/files/zip-guard';
import type { ZipLimits } from '../src/core/files/zip-guard';
import { runWorkerTask } from '../src/core/files/worker-task';
import { sheetXml, xlsxParts, zipOf } from './support/zip-writer';

const MB = 1024 * 1024;
const small: ZipLimits = {
  maxEntries: 10,
  maxEntryBytes: 4 * MB,
  maxTotalBytes: 6 * MB,
  maxRatio: 50,
  ratioFloorBytes: 256 * 1024,
};

async function refusal(buffer: Buffer, limits: ZipLimits = small): Promise<ZipRefusedError> {
  const err = await checkZip(buffer, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZipRefusedError);
  return err as ZipRefusedError;
}

/** Text that deflate cannot shrink much (ratio ~1.3): random bytes as base64. */
const noise = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64')
    .slice(0, length);

describe('zip guard', () => {
  it('passes an ordinary workbook and reports what it inflated', async () => {
    const zip = zipOf(
      xlsxParts(
        sheetXml([
          ['姓名', '身份证号'],
          ['张三', '110101196003071234'],
        ]),
      ),
    );
    const summary = await checkZip(zip, XLSX_ZIP_LIMITS);
    expect(summary.entries).toBe(5);
    expect(summary.uncompressedBytes).toBeGreaterThan(1000);
  });

  it('refuses a zip bomb by its compression ratio without inflating it (60 KB → 50 MB cell)', async () => {
    const bomb = zipOf(xlsxParts(sheetXml([['姓名'], ['A'.repeat(50 * MB)]])));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const err = await refusal(bomb, XLSX_ZIP_LIMITS);
    expect(err.reason).toBe('ratio');
    expect(err.message).toContain('压缩炸弹');
  });

  it('refuses declared sizes beyond the entry and total limits, and too many entries', async () => {
    expect((await refusal(zipOf([{ name: 'a.xml', data: noise(5 * MB) }]))).reason).toBe('entry-size');
    const three = [1, 2, 3].map((i) => ({ name: `p${i}.xml`, data: noise(3 * MB) }));
    expect((await refusal(zipOf(three))).reason).toBe('total-size');
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}.txt`, data: 'x' }));
    expect((await refusal(zipOf(many))).reason).toBe('entries');
  });

  it('stops inflating at the declared size when the central directory lies', async () => {
    // Declares 1 KB, inflates to 3 MB: the bytes actually produced decide, not the header.
    const liar = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: 'B'.repeat(3 * MB), declaredSize: 1024 }]);
    const err = await refusal(liar, XLSX_ZIP_LIMITS);
    expect(['entry-size', 'corrupt']).toContain(err.reason);
    expect(err.reason).not.toBe('ratio'); // the declared ratio (1 KB / 3 KB) looked harmless
  });

  it('answers corrupt input with a refusal, never another error', async () => {
    expect((await refusal(Buffer.from('PK\x03\x04 not really a zip'))).reason).toBe('corrupt');
    const zip = zipOf([{ name: 'a.txt', data: noise(10_000) }]);
    expect((await refusal(zip.subarray(0, zip.length - 30))).reason).toBe('corrupt');
  });
});

describe('parse worker limits', () => {
  const hog = join(__dirname, 'support/hog.worker.js');
  const limits = { maxOldGenerationSizeMb: 48, timeoutMs: 1500 };

  it('returns the worker’s value and passes its refusal on as that AppError', async () => {
    await expect(runWorkerTask(hog, { mode: 'ok', value: 21 }, limits, '太复杂')).resolves.toBe(42);
    await expect(runWorkerTask(hog, { mode: 'refuse' }, limits, '太复杂')).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      status: 400,
      message: '拒绝：测试',
    });
  });

  it('turns a worker out of memory or out of time into FILE_TOO_COMPLEX (413) while the main loop stays free', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await expect(
      runWorkerTask(hog, { mode: 'memory' }, { ...limits, timeoutMs: 60_000 }, '内存超限'),
    ).rejects.toMatchObject({ code: 'FILE_TOO_COMPLEX', status: 413, message: '内存超限' });
    await expect(runWorkerTask(hog, { mode: 'spin' }, limits, '超时')).rejects.toMatchObject({
      code: 'FILE_TOO_COMPLEX',
      message: '超时',
    });
    delay.disable();
    // The spinning and hoarding happened in the workers: this thread was never blocked for long.
    expect(delay.max / 1e6).toBeLessThan(1000);
  }, 60_000);
});
