/**
 * The headers every answer carries, and the Content-Security-Policy of pages. Pages get a fresh nonce per
 * request from the proxy (Next puts it on its own scripts when it finds it in the request's CSP), so no script
 * runs that this server did not write into that very page, and `'strict-dynamic'` lets those load their chunks.
 * Styles stay `'unsafe-inline'`: brand colours and toasts set style attributes, which a nonce cannot cover, and
 * a style cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings for its debugging aids; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // The signature pad and logo previews draw into canvases and show what they drew as data: and blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Sign-in pages must never render inside another site's frame (clickjacking).
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A nonce for one response: 128 random bits, base64 as CSP's nonce-source wants. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
