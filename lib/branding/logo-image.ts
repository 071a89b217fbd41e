import { createHash } from 'node:crypto';
import { invalid } from '@/lib/errors/app-error';
import { maxLogoBytes } from './schemas';

export type LogoImage = { bytes: Buffer; contentType: 'image/png' | 'image/jpeg' | 'image/webp'; sha256: string };

/**
 * The type is read from the file's own bytes, never from its name or the browser's claim. SVG is refused:
 * it can carry script, and a logo served from the partner's own host must not be able to run any.
 */
export function sniffImageType(bytes: Buffer): LogoImage['contentType'] | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function checkLogo(bytes: Buffer): LogoImage {
  if (bytes.length === 0) throw invalid('logo', 'Choose an image file.');
  if (bytes.length > maxLogoBytes) throw invalid('logo', `The logo must be at most ${maxLogoBytes / 1024} KB (this one is ${Math.ceil(bytes.length / 1024)} KB).`);
  const contentType = sniffImageType(bytes);
  if (!contentType) throw invalid('logo', 'Upload a PNG, JPEG or WebP image (SVG and other formats are not accepted).');
  return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}
