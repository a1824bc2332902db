/** The longest side a thumbnail is shown at (the server makes them at most this large). */
export const THUMBNAIL_MAX = 480;

/**
 * The box an image takes in the list, known before a byte of it has loaded: the image's own size
 * scaled down (never up) to fit {@link THUMBNAIL_MAX}, keeping its aspect ratio. Reserving it is what
 * keeps the list from jumping when thumbnails arrive.
 */
export function thumbnailBox(width: number, height: number, max = THUMBNAIL_MAX) {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
