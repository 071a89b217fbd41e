import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { checkLogo, sniffImageType } from './logo-image';
import { maxLogoBytes } from './schemas';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR....rest of the image')]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF rest')]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 rest')]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const text = Buffer.from('just some text, named logo.png');

/** The AppError checkLogo throws for these bytes. */
function refusal(bytes: Buffer): AppError {
  try {
    checkLogo(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the logo to be refused');
}

describe('sniffImageType', () => {
  it('recognises PNG, JPEG and WebP by their bytes', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(webp)).toBe('image/webp');
  });

  it('recognises nothing else, including files too short to tell', () => {
    for (const bytes of [svg, gif, text, Buffer.alloc(0), png.subarray(0, 7), Buffer.from('RIFF\0\0\0\0WAVE')]) expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('checkLogo', () => {
  it('accepts a PNG, JPEG or WebP and fingerprints it', () => {
    for (const [bytes, contentType] of [[png, 'image/png'], [jpeg, 'image/jpeg'], [webp, 'image/webp']] as const) {
      const logo = checkLogo(bytes);
      expect(logo.contentType).toBe(contentType);
      expect(logo.bytes).toBe(bytes);
      expect(logo.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('refuses SVG, GIF and text, saying which formats are accepted', () => {
    for (const bytes of [svg, gif, text]) {
      const error = refusal(bytes);
      expect(error.code).toBe('validation_failed');
      expect(error.fieldErrors?.logo).toBe('Upload a PNG, JPEG or WebP image (SVG and other formats are not accepted).');
    }
  });

  it('refuses an empty file', () => {
    expect(refusal(Buffer.alloc(0)).fieldErrors?.logo).toBe('Choose an image file.');
  });

  it('refuses a file over the size limit, with both sizes in the message, before looking inside', () => {
    const large = Buffer.concat([png, Buffer.alloc(maxLogoBytes)]);
    const error = refusal(large);
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors?.logo).toBe(`The logo must be at most 512 KB (this one is ${Math.ceil(large.length / 1024)} KB).`);
  });

  it('accepts a file of exactly the maximum size', () => {
    const exact = Buffer.concat([png, Buffer.alloc(maxLogoBytes - png.length)]);
    expect(checkLogo(exact).contentType).toBe('image/png');
  });
});
