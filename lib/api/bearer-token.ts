/**
 * The credential of `Authorization: Bearer <token>` (RFC 6750): null without the header, '' for another scheme
 * or none, and otherwise everything after the scheme, so that `Bearer <key> junk` is judged as the malformed key
 * it is rather than as `<key>` with the rest silently dropped.
 */
export function bearerToken(header: string | null): string | null {
  if (header === null) return null;
  const match = /^bearer[ \t]+(.*)$/is.exec(header.trim());
  return match ? match[1]!.trim() : '';
}
