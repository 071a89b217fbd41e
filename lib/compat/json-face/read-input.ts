import { parseJson, readBodyBytes } from '@/lib/api/request-body';
import { AppError } from '@/lib/errors/app-error';

/** Path parameters, the query string, and for POST and PUT the JSON body, as one set of fields. */
export async function readJsonFaceInput(request: Request, params: Record<string, string>): Promise<{ fields: Record<string, unknown>; bodyText: string }> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (request.method === 'GET' || request.method === 'HEAD') return { fields: { ...query, ...params }, bodyText: '' };
  const text = (await readBodyBytes(request)).toString('utf8');
  if (text.trim() === '') return { fields: { ...params }, bodyText: '' };
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType && contentType !== 'application/json' && !contentType.endsWith('+json') && contentType !== 'text/plain') {
    throw new AppError('unsupported_media_type', `Send the body as JSON (Content-Type: application/json), not ${contentType}.`);
  }
  const value = parseJson(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('validation_failed', 'Send the fields as a JSON object.');
  // Path parameters win: a body cannot point the request at another workspace or customer than its URL names.
  return { fields: { ...(value as Record<string, unknown>), ...params }, bodyText: text };
}
