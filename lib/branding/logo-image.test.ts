import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { jpegImage, pngImage, webpClaiming, webpImages } from '@/test/images';
import { checkLogo, inspectImage, maxLogoPixels, sniffImageType } from './logo-image';
import { maxLogoBytes } from './logo-limits';

const png = pngImage(40, 20);
const jpeg = jpegImage(17, 9);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const text = Buffer.from('just some text, named logo.png');

const formatMessage = 'Upload a PNG, JPEG or WebP image (SVG and other formats are not accepted).';
const damagedMessage = 'This image is damaged or incomplete. Save it again and upload the new file.';

/** The field error checkLogo gives for these bytes. */
function refusal(bytes: Buffer, declaredType?: string): string | undefined {
  try {
    checkLogo(bytes, declaredType);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).fieldErrors?.logo;
  }
  throw new Error('expected the logo to be refused');
}

describe('sniffImageType', () => {
  it('names PNG, JPEG and WebP by their first bytes, and nothing else', () => {
    expect([png, jpeg, webpImages.lossy].map(sniffImageType)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    for (const bytes of [svg, gif, text, Buffer.alloc(0), png.subarray(0, 7), Buffer.from('RIFF\0\0\0\0WAVE')]) expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('inspectImage', () => {
  it('reads the format and pixel size from PNG, JPEG and every kind of WebP', () => {
    expect(inspectImage(png)).toEqual({ contentType: 'image/png', width: 40, height: 20 });
    expect(inspectImage(jpeg)).toEqual({ contentType: 'image/jpeg', width: 17, height: 9 });
    for (const webp of Object.values(webpImages)) expect(inspectImage(webp)).toEqual({ contentType: 'image/webp', width: 1, height: 1 });
  });

  it('finds files cut short, wherever the cut falls', () => {
    for (const image of [png, jpeg, ...Object.values(webpImages)]) {
      for (const length of [1, 8, 16, 24, 30, image.length - 1]) expect(inspectImage(image.subarray(0, length))).toHaveProperty('problem');
    }
  });
});

describe('checkLogo', () => {
  it('accepts a PNG, JPEG or WebP, declared as what it is or not declared, and fingerprints it', () => {
    for (const [bytes, contentType] of [[png, 'image/png'], [jpeg, 'image/jpeg'], [webpImages.lossy, 'image/webp']] as const) {
      for (const declared of [contentType, undefined, '', 'application/octet-stream']) {
        const logo = checkLogo(bytes, declared);
        expect(logo.contentType).toBe(contentType);
        expect(logo.bytes).toBe(bytes);
        expect(logo.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    }
    expect(checkLogo(jpeg, 'image/jpg')).toMatchObject({ contentType: 'image/jpeg', width: 17, height: 9 });
  });

  it('refuses SVG, GIF and text, saying which formats are accepted', () => {
    for (const bytes of [svg, gif, text]) expect(refusal(bytes)).toBe(formatMessage);
  });

  it('refuses a file whose content is not the type it was sent as', () => {
    expect(refusal(jpeg, 'image/png')).toBe('This file is named as PNG but holds a JPEG image. Save it as PNG, or rename it to match its content.');
    expect(refusal(png, 'image/webp')).toBe('This file is named as WebP but holds a PNG image. Save it as WebP, or rename it to match its content.');
    expect(refusal(png, 'image/gif')).toContain('named as image/gif but holds a PNG image');
  });

  it('refuses truncated images and a recognised header with nothing behind it', () => {
    for (const image of [png, jpeg, webpImages.lossless]) expect(refusal(image.subarray(0, image.length - 4))).toBe(damagedMessage);
    expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toBe(damagedMessage);
  });

  it(`refuses images of no pixels or over ${maxLogoPixels} pixels a side`, () => {
    expect(refusal(pngImage(maxLogoPixels + 1, 1))).toBe(`The logo must be between 1 and ${maxLogoPixels} pixels wide and high (this one is ${maxLogoPixels + 1}×1).`);
    expect(refusal(jpegImage(1, 5000))).toContain('(this one is 1×5000)');
    expect(refusal(jpegImage(0, 8))).toContain('(this one is 0×8)');
    expect(refusal(webpClaiming(10_000, 10_000))).toContain('(this one is 10000×10000)');
    expect(checkLogo(pngImage(maxLogoPixels, 1))).toMatchObject({ width: maxLogoPixels, height: 1 });
  });

  it('refuses an empty file', () => {
    expect(refusal(Buffer.alloc(0))).toBe('Choose an image file.');
  });

  it('refuses a file over the size limit, with both sizes in the message, before looking inside', () => {
    const large = Buffer.concat([png, Buffer.alloc(maxLogoBytes)]);
    expect(refusal(large)).toBe(`The logo must be at most 512 KB (this one is ${Math.ceil(large.length / 1024)} KB).`);
  });

  it('accepts a file of exactly the maximum size (a PNG may carry padding chunks)', () => {
    const padding = maxLogoBytes - png.length - 12;
    const filler = Buffer.alloc(padding + 12);
    filler.writeUInt32BE(padding, 0);
    filler.write('zzZz', 4, 'latin1'); // an ancillary, private chunk type that readers skip
    // Before IEND, so the file still ends where PNG says it does.
    const exact = Buffer.concat([png.subarray(0, png.length - 12), filler, png.subarray(png.length - 12)]);
    expect(exact.length).toBe(maxLogoBytes);
    expect(checkLogo(exact).contentType).toBe('image/png');
  });

  it('is reached for any oversized upload: the server actions accept bodies well past the logo limit', async () => {
    const { default: nextConfig } = (await import(pathToFileURL(path.join(process.cwd(), 'next.config.js')).href)) as { default: NextConfig };
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    const megabytes = Number(/^(\d+)mb$/i.exec(String(limit))?.[1]);
    expect(megabytes * 1024 * 1024).toBeGreaterThanOrEqual(8 * maxLogoBytes);
  });
});
