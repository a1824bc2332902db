import { describe, expect, it } from 'vitest';
import { attachmentSchema, fileKind, formatBytes, isImageAttachment } from './attachment';

describe('attachments', () => {
  it('formats sizes in binary units, as the 25 MB limit counts', () => {
    expect([0, 1023, 1024, 1536, 10 * 1024 + 300, 26214400, 5 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1 KB',
      '1.5 KB',
      '10 KB',
      '25 MB',
      '5 GB',
    ]);
  });

  it('shows inline only what the server measured and made a thumbnail of', () => {
    const base = { id: 'u', filename: 'x', size: 1, url: '/api/v1/uploads/u' };
    const png = attachmentSchema.parse({
      ...base,
      content_type: 'image/png',
      width: 4,
      height: 3,
      thumbnail_url: '/t',
    });
    const svg = attachmentSchema.parse({
      ...base,
      content_type: 'image/svg+xml',
      width: null,
      height: null,
      thumbnail_url: null,
    });
    expect(isImageAttachment(png)).toBe(true);
    expect(isImageAttachment(svg)).toBe(false);
  });

  it('names the kind of a file from its extension, else its type', () => {
    expect(fileKind('application/pdf', 'report.pdf')).toBe('PDF');
    expect(fileKind('application/zip', 'archive')).toBe('ZIP');
    expect(
      fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.averylongext'),
    ).toBe('File');
  });
});
