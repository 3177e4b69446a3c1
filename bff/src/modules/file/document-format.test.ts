import { PDF_EOF_WINDOW, sniffPdf } from './document-format';

const pdf = (body = '1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n', end = '%%EOF\n') =>
  Buffer.from(`%PDF-1.7\n${body}${end}`, 'latin1');

describe('sniffPdf', () => {
  it('accepts a PDF by its %PDF- header and %%EOF trailer, with or without a final line break', () => {
    expect(sniffPdf(pdf())).toBe('application/pdf');
    expect(sniffPdf(pdf(undefined, '%%EOF'))).toBe('application/pdf');
    expect(sniffPdf(pdf(undefined, '%%EOF\r\n\0\0'))).toBe('application/pdf');
  });

  it('refuses bytes without the header, even with a trailer (a renamed file or HTML)', () => {
    expect(sniffPdf(Buffer.from('<html><script>alert(1)</script></html>\n%%EOF\n'))).toBeNull();
    expect(sniffPdf(Buffer.from(' %PDF-1.7\n%%EOF\n'))).toBeNull();
    expect(sniffPdf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });

  it('refuses a truncated PDF (no %%EOF near the end) and an empty or tiny buffer', () => {
    expect(sniffPdf(pdf(undefined, ''))).toBeNull();
    expect(sniffPdf(pdf(undefined, `%%EOF\n${'x'.repeat(PDF_EOF_WINDOW)}`))).toBeNull();
    expect(sniffPdf(Buffer.alloc(0))).toBeNull();
    expect(sniffPdf(Buffer.from('%PDF-'))).toBeNull();
    // The header's own bytes cannot double as the trailer.
    expect(sniffPdf(Buffer.from('%PDF-%%EO'))).toBeNull();
  });
});
