import { AppError } from '@/lib/errors/app-error';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import { newId } from '@/lib/ids';
import { problemFor } from '@/lib/api/problem';
import { requestOrigin } from '@/lib/http/request-info';

/**
 * What reaches the server before Next can answer it well. Next answers a path with malformed percent-encoding
 * (`/login/%ff`) and the methods its fetch Request cannot hold (TRACE, TRACK, CONNECT) with a bare 500, and
 * Node's HTTP parser answers a method HTTP does not define (`FOO`) or over-long URL and headers with an empty
 * 400 or 431 that nobody can read. Here each gets a real answer: problem+json under /api, a small page
 * elsewhere, or, for stray `%`, the same request with the `%` taken literally, which Next then routes as usual
 * (to the partner's branded 404, or the API's own problem+json).
 */

// fetch's forbidden methods (Fetch standard, "forbidden method"): Next builds a Request from every call.
const unservableMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function isUnservableMethod(method: string | undefined): boolean {
  return !!method && unservableMethods.has(method.toUpperCase());
}

/** The URL with every `%` that does not start a valid UTF-8 escape written as `%25`; null when it is fine as it is. */
export function repairedPercentEncoding(url: string): string | null {
  if (!url.includes('%')) return null;
  try {
    decodeURIComponent(url);
    return null;
  } catch {
    // Decode escape runs one at a time: a run that is not UTF-8 (or a `%` not followed by two hex digits) is
    // kept as literal text.
    return url.replace(/(?:%[0-9a-f]{2})+|%/gi, (run) => {
      if (run === '%') return '%25';
      try {
        decodeURIComponent(run);
        return run;
      } catch {
        return run.replace(/%/g, '%25');
      }
    });
  }
}

export type Brand = { productName: string; primaryColor: string };

export type Refusal = { status: number; headers: Record<string, string>; body: string };

const pages: Partial<Record<ErrorCode, { title: string; text: string }>> = {
  service_unavailable: { title: 'Temporarily unavailable', text: 'We cannot show this page right now. Nothing is lost: please try again in a few seconds.' },
  bad_request: { title: 'Bad request', text: 'This request could not be read. Check the address and try again.' },
  request_header_too_large: { title: 'Request too large', text: 'The address or the data sent with it is too long. Go back and try a shorter one.' },
  method_not_implemented: { title: 'Not supported', text: 'This kind of request is not supported here.' },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a request refused before routing: problem+json for the API (and anything under /api), and
 * otherwise a self-contained page, since there is no partner layout to render it in at this point.
 */
export function refusal(code: ErrorCode, detail: string, where: { path: string; host: string | undefined }, options: { headers?: Record<string, string>; brand?: Brand | null; keepAlive?: boolean } = {}): Refusal {
  const common: Record<string, string> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin', ...(options.keepAlive ? {} : { Connection: 'close' }), ...options.headers };
  if (where.path.startsWith('/api/') || where.path === '/api') {
    const requestId = newId('apiRequest');
    const origin = requestOrigin(new Request('http://localhost/', { headers: where.host ? { host: where.host } : {} }));
    const { body } = problemFor(new AppError(code, detail), origin, requestId);
    return { status: body.status, headers: { ...common, 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId }, body: JSON.stringify(body) };
  }
  const page = pages[code] ?? { title: 'Error', text: detail };
  const brand = options.brand;
  // Brand colours were validated as #rrggbb when saved; checked again since they land in a <style>.
  const colour = brand && /^#[0-9a-f]{6}$/i.test(brand.primaryColor) ? brand.primaryColor : '#4f46e5';
  const name = brand ? `<p class="brand">${escapeHtml(brand.productName)}</p>` : '';
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(brand ? `${page.title} · ${brand.productName}` : page.title)}</title><style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;color:#0f172a;text-align:center;padding:1.5rem}p{color:#475569}.brand{color:${colour};font-weight:600}a{color:${colour}}</style></head><body><main>${name}<h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.text)}</p><p><a href="/">Go to the start page</a></p></main></body></html>`;
  return {
    status: errorCatalogue[code].status,
    headers: { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
    body: html,
  };
}

// What keeps answering while the database is away: liveness, readiness, and the files pages are built from.
const servedWithoutDatabase = /^\/(api\/health|api\/ready|_next\/static\/|favicon\.ico)/;

/** The 503 for a request that needs the database while it is away, or null when the request can go on. */
export function unavailableRefusal(path: string, host: string | undefined, brand: Brand | null): Refusal | null {
  if (servedWithoutDatabase.test(path)) return null;
  return refusal('service_unavailable', 'The service cannot reach its database right now; nothing was changed. Retry in a few seconds.', { path, host }, { headers: { 'Retry-After': '2' }, brand, keepAlive: true });
}

/**
 * The refusal for an error of Node's HTTP parser, judged from the bytes it received (`rawPacket`): the path
 * says API or page, the Host header whose origin to link to and whose brand to wear (`brandOf`, from what this
 * process already knows of the host: no database work happens here). Null for errors that leave nobody to answer.
 */
export function parserErrorRefusal(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, brandOf: (host: string | undefined) => Brand | null = () => null): Refusal | null {
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE') return null;
  const head = error.rawPacket?.subarray(0, 64 * 1024).toString('latin1') ?? '';
  const [requestLine = ''] = head.split('\r\n', 1);
  const path = requestLine.split(' ')[1] ?? '';
  const host = /\r\nhost:[ \t]*([^\r\n]*)/i.exec(head)?.[1]?.trim();
  const where = { path, host };
  const options = { brand: brandOf(host) };
  if (code === 'HPE_HEADER_OVERFLOW') return refusal('request_header_too_large', 'The URL and headers together are longer than the 16 KB this server reads.', where, options);
  if (code === 'HPE_INVALID_METHOD') return refusal('method_not_implemented', `${requestLine.split(' ')[0]?.slice(0, 32) || 'This method'} is not a method this server implements.`, where, options);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return null;
  return refusal('bad_request', 'The request could not be read.', where, options);
}
