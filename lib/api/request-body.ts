import { AppError } from '@/lib/errors/app-error';

export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * Reads a JSON request body with the checks a client deserves precise answers to: the content type, the size
 * (counted while reading, so a lying Content-Length cannot get more in) and the JSON itself. An empty body is
 * `undefined`, which the operation's schema then accepts or refuses.
 */
export async function readJsonBody(request: Request, maxBytes = defaultMaxBodyBytes): Promise<{ value: unknown; text: string }> {
  const text = (await readBodyBytes(request, maxBytes)).toString('utf8');
  if (text.trim() === '') return { value: undefined, text: '' };

  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json' && !contentType?.endsWith('+json')) {
    throw new AppError('unsupported_media_type', `Send the body as application/json${contentType ? `, not ${contentType}` : ''}.`);
  }
  return { value: parseJson(text), text };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_json', `The body is not valid JSON: ${(error as Error).message}.`);
  }
}

/** The raw body, at most `maxBytes` of it (counted while reading, so a lying Content-Length cannot get more in). */
export async function readBodyBytes(request: Request, maxBytes = defaultMaxBodyBytes): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('payload_too_large', `The body is ${declared} bytes; this operation accepts at most ${maxBytes}.`);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError('payload_too_large', `The body is larger than the ${maxBytes} bytes this operation accepts.`);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
