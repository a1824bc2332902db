import { describe, expect, it } from 'vitest';
import { thumbnailBox } from './thumbnail-box';

describe('thumbnailBox', () => {
  it('fits the long side into 480 px and keeps the aspect ratio', () => {
    expect(thumbnailBox(4032, 3024)).toEqual({ width: 480, height: 360 });
    expect(thumbnailBox(1080, 1920)).toEqual({ width: 270, height: 480 });
  });
  it('never scales a small image up, and never to zero', () => {
    expect(thumbnailBox(64, 48)).toEqual({ width: 64, height: 48 });
    expect(thumbnailBox(10000, 1)).toEqual({ width: 480, height: 1 });
  });
});
