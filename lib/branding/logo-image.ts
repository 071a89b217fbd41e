import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { invalid } from '@/lib/errors/app-error';
import { logoTooLargeMessage, maxLogoBytes } from './logo-limits';

export type LogoImage = { bytes: Buffer; contentType: 'image/png' | 'image/jpeg' | 'image/webp'; sha256: string; width: number; height: number };

/** Larger than any logo needs to be; a bigger claim is a mistake or a decompression bomb. */
export const maxLogoPixels = 4096;

const formatNames = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' } as const;
const sizeTypes = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

type Inspected = { contentType: LogoImage['contentType']; width: number; height: number } | { problem: 'format' | 'damaged' };

/** Which of the accepted formats the file's first bytes announce, if any: a first look, not a check of the image. */
export function sniffImageType(bytes: Buffer): LogoImage['contentType'] | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * The format and pixel size read from the file's own headers (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X), never from
 * its name or the browser's claim. The headers are parsed by `image-size` (widely used, no native code, reads
 * buffers) rather than by hand; it only reads as far as the size, so whether the file is complete is checked
 * here from each format's own framing. SVG is refused: it can carry script, and a logo served from the partner's
 * own host must not be able to run any.
 */
export function inspectImage(bytes: Buffer): Inspected {
  const contentType = sniffImageType(bytes);
  if (!contentType) return { problem: 'format' };
  let found: { type?: string; width?: number; height?: number };
  try {
    // A copy with a buffer of its own: image-size reads through DataViews of the underlying memory, which for a
    // pooled Buffer goes on past a truncated file into unrelated bytes instead of failing.
    found = imageSize(new Uint8Array(bytes));
  } catch {
    return { problem: 'damaged' };
  }
  if (found.type !== sizeTypes[contentType] || !isComplete(bytes, contentType)) return { problem: 'damaged' };
  return { contentType, width: found.width ?? 0, height: found.height ?? 0 };
}

/** Whether the file runs to its format's end: PNG chunks up to IEND, JPEG up to its EOI marker, WebP to its RIFF size. */
function isComplete(bytes: Buffer, contentType: LogoImage['contentType']): boolean {
  if (contentType === 'image/png') {
    for (let offset = 8; offset + 12 <= bytes.length; ) {
      const length = bytes.readUInt32BE(offset);
      const type = bytes.toString('latin1', offset + 4, offset + 8);
      offset += 12 + length;
      if (type === 'IEND') return offset <= bytes.length;
    }
    return false;
  }
  if (contentType === 'image/jpeg') {
    // Some encoders pad the end with zero bytes after the marker.
    let end = bytes.length;
    while (end > 2 && bytes[end - 1] === 0) end--;
    return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
  }
  if (bytes.length < 20) return false;
  const riffEnd = 8 + bytes.readUInt32LE(4);
  const firstChunkEnd = 20 + bytes.readUInt32LE(16);
  return bytes.length >= riffEnd && riffEnd >= firstChunkEnd;
}

const normalisedTypes: Record<string, LogoImage['contentType']> = { 'image/png': 'image/png', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/webp': 'image/webp' };

/**
 * Checks an uploaded logo. `declaredType` is what the upload said the file is (the browser's guess from its
 * name); a file that says PNG but holds a JPEG is refused, because it is not the file its owner thinks it is.
 */
export function checkLogo(bytes: Buffer, declaredType?: string): LogoImage {
  if (bytes.length === 0) throw invalid('logo', 'Choose an image file.');
  if (bytes.length > maxLogoBytes) throw invalid('logo', logoTooLargeMessage(bytes.length));
  const image = inspectImage(bytes);
  if ('problem' in image) {
    throw invalid('logo', image.problem === 'format' ? 'Upload a PNG, JPEG or WebP image (SVG and other formats are not accepted).' : 'This image is damaged or incomplete. Save it again and upload the new file.');
  }
  const declared = declaredType?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream') {
    const claimed = normalisedTypes[declared];
    if (claimed !== image.contentType) {
      const said = claimed ? formatNames[claimed] : declared;
      throw invalid('logo', `This file is named as ${said} but holds a ${formatNames[image.contentType]} image. Save it as ${said}, or rename it to match its content.`);
    }
  }
  const { width, height } = image;
  if (width < 1 || height < 1 || width > maxLogoPixels || height > maxLogoPixels) {
    throw invalid('logo', `The logo must be between 1 and ${maxLogoPixels} pixels wide and high (this one is ${width}×${height}).`);
  }
  return { bytes, contentType: image.contentType, sha256: createHash('sha256').update(bytes).digest('hex'), width, height };
}
