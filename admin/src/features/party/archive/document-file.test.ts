import { describe, expect, it } from 'vitest';
import { documentFileKind, documentFileProblem, formatFileSize, isPdf } from './document-file';

const MB = 1024 * 1024;

describe('document cabinet files', () => {
  it('tells a PDF from an accepted image and refuses anything else', () => {
    expect(documentFileKind({ name: '通知.pdf', type: 'application/pdf' })).toBe('pdf');
    expect(documentFileKind({ name: '通知.PDF', type: '' })).toBe('pdf');
    expect(documentFileKind({ name: 'scan.png', type: 'image/png' })).toBe('image');
    expect(documentFileKind({ name: 'a.gif', type: 'image/gif' })).toBeNull();
    expect(documentFileKind({ name: 'a.pdf.html', type: 'text/html' })).toBeNull();
  });

  it('applies 20 MB to a PDF and 5 MB to an image, with Chinese reasons', () => {
    expect(documentFileProblem({ name: 'a.pdf', type: 'application/pdf', size: 20 * MB })).toBeNull();
    expect(documentFileProblem({ name: 'a.pdf', type: 'application/pdf', size: 20 * MB + 1 })).toContain('20 MB');
    expect(documentFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: 5 * MB })).toBeNull();
    expect(documentFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: 5 * MB + 1 })).toBe('图片不能超过 5 MB');
    expect(documentFileProblem({ name: 'a.doc', type: 'application/msword', size: 10 })).toBe(
      '只支持 PDF 文件或 JPG、PNG、WebP 图片',
    );
  });

  it('formats sizes and recognises a stored PDF', () => {
    expect(formatFileSize(820)).toBe('820 B');
    expect(formatFileSize(12_595)).toBe('12.3 KB');
    expect(formatFileSize(4.5 * MB)).toBe('4.5 MB');
    expect(isPdf({ mime: 'application/pdf' })).toBe(true);
    expect(isPdf({ mime: 'image/png' })).toBe(false);
  });
});
