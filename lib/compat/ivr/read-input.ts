import { AppError } from '@/lib/errors/app-error';
import { parseJson, readBodyBytes } from '@/lib/api/request-body';

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * The fields of an IVR Solutions request: path parameters, and for POST the body as JSON or as a form
 * (urlencoded or multipart, as PHP's curl sends an array), since such clients send either. A body without a
 * Content-Type, or as text/plain, is read as JSON when it is JSON. Returns the body text too, which an
 * Idempotency-Key's digest covers.
 */
export async function readIvrInput(request: Request, pathParams: Record<string, string>): Promise<{ fields: Record<string, unknown>; bodyText: string }> {
  if (request.method === 'GET' || request.method === 'HEAD') return { fields: { ...pathParams }, bodyText: '' };
  const bytes = await readBodyBytes(request);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { fields: { ...pathParams }, bodyText: '' };

  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  let body: Record<string, unknown>;
  if (formTypes.has(contentType)) {
    body = await readForm(bytes, request.headers.get('content-type')!);
  } else if (contentType === '' || contentType === 'text/plain' || contentType === 'application/json' || contentType.endsWith('+json')) {
    const value = parseJson(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('validation_failed', 'Send the fields as a JSON object, such as {"temp_client_id": "reg_…"}.');
    body = value as Record<string, unknown>;
  } else {
    throw new AppError('unsupported_media_type', `Send the fields as JSON or as a form (application/x-www-form-urlencoded), not ${contentType}.`);
  }
  return { fields: { ...body, ...pathParams }, bodyText: text };
}

async function readForm(bytes: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('validation_failed', 'The form body could not be read; send it as application/x-www-form-urlencoded or JSON.');
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    // Files are nobody's field here; a repeated field keeps its last value, as PHP reads it.
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}
