import { sniffPdf } from '../src/modules/file/document-format';
import { DEMO_VIDEO_SECONDS, demoPdf, demoVideoMp4 } from '../src/seed/study-media';

/** Top-level MP4 boxes: [type, size]. */
function topBoxes(mp4: Buffer): [string, number][] {
  const boxes: [string, number][] = [];
  for (let at = 0; at < mp4.length;) {
    const size = mp4.readUInt32BE(at);
    boxes.push([mp4.toString('latin1', at + 4, at + 8), size]);
    if (size < 8) throw new Error(`bad box size at ${at}`);
    at += size;
  }
  return boxes;
}

describe('demo seed media', () => {
  it('makes an MP4 of ftyp, moov before mdat, small and stable (the browser check is scripts/e2e/study-media)', () => {
    const mp4 = demoVideoMp4();
    expect(topBoxes(mp4).map(([type]) => type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(mp4.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(Buffer.compare(mp4, demoVideoMp4())).toBe(0);
    // mvhd duration (timescale 1000) is the advertised length.
    const mvhd = mp4.indexOf('mvhd', 0, 'latin1');
    expect(mp4.readUInt32BE(mvhd + 4 + 4 + 8)).toBe(1000);
    expect(mp4.readUInt32BE(mvhd + 4 + 4 + 12)).toBe(DEMO_VIDEO_SECONDS * 1000);
  });

  it('makes a PDF the file service accepts as a document, with its Chinese text in UCS-2', () => {
    const pdf = demoPdf('党章学习', ['中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。']);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sniffPdf(pdf)).toBe('application/pdf');
    // 党 = U+515A, written as UCS-2 hex for the UniGB-UCS2-H encoding.
    expect(pdf.toString('latin1')).toContain('<515a7ae0');
  });

  it('puts long text on several pages and keeps the cross-reference offsets right', () => {
    const pdf = demoPdf(
      '长文',
      Array.from({ length: 40 }, () => '学'.repeat(200)),
    );
    const text = pdf.toString('latin1');
    const count = Number(/\/Count (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(2);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
  });
});
