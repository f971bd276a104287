import { imageSize } from 'image-size';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';
import { imageSideTooLong, imageUnreadable, type Rejection, tooManyPixels } from './rejections';

/** Reads the dimensions from the header alone (PNG IHDR, JPEG SOF): nothing is decoded. */
function dimensionsOf(head: Uint8Array): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(head);
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

export function checkImage(head: Uint8Array): Rejection | undefined {
  const dimensions = dimensionsOf(head);
  if (!dimensions) return imageUnreadable();
  const { width, height } = dimensions;
  if (width * height > MAX_IMAGE_PIXELS) return tooManyPixels(width, height);
  if (Math.max(width, height) > MAX_IMAGE_SIDE) return imageSideTooLong(width, height);
  return undefined;
}
