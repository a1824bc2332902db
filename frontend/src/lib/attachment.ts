import { z } from 'zod';

/**
 * A file attached to a message, as message views and the upload's `complete` answer carry it.
 * Width, height and thumbnail_url are set for the raster images the server made a thumbnail of.
 */
export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  content_type: z.string(),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
  url: z.string(),
  thumbnail_url: z.string().nullable().default(null),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export type ImageAttachment = Attachment & { width: number; height: number; thumbnail_url: string };

/** Shown inline (thumbnail, lightbox) only when the server measured it and made a thumbnail. */
export const isImageAttachment = (a: Attachment): a is ImageAttachment =>
  a.thumbnail_url !== null && a.width !== null && a.height !== null;

const UNITS = ['KB', 'MB', 'GB'];

/** 1,536 → "1.5 KB": binary units, as the 25 MB (26,214,400 bytes) limit is counted. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${UNITS[unit]}`;
}

/** A short, spoken-friendly summary: "cat.png, report.pdf". */
export const attachmentNames = (attachments: readonly Attachment[]) =>
  attachments.map((a) => a.filename).join(', ');

/** A glyph for a file's kind, shown beside its name (decorative: the name and type are the text). */
export function fileIcon(contentType: string): string {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return '🖼️';
  if (type === 'application/pdf') return '📕';
  if (type.startsWith('video/')) return '🎞️';
  if (type.startsWith('audio/')) return '🎵';
  if (type.includes('spreadsheet') || type.includes('excel') || type === 'text/csv') return '📊';
  if (type.startsWith('text/') || type.includes('json') || type.includes('xml')) return '📝';
  if (/zip|tar|gzip|7z|rar|compressed/.test(type)) return '🗜️';
  if (type.includes('presentation') || type.includes('powerpoint')) return '📽️';
  if (type.includes('word') || type.includes('opendocument.text')) return '📄';
  return '📎';
}

/** "PDF", "PNG", "ZIP": a short name of the type for screen readers and the card. */
export function fileKind(contentType: string, filename: string): string {
  const ext = filename.includes('.') ? filename.split('.').pop()! : '';
  if (ext && ext.length <= 5) return ext.toUpperCase();
  const sub = contentType.split('/')[1] ?? '';
  return sub && sub.length <= 12 ? sub.toUpperCase() : 'File';
}
