/**
 * Every error code a client can receive, with its HTTP status and what it means. The REST API answers with
 * these codes (RFC 9457 problem details), forms show their messages, and /docs/api/errors lists this catalogue,
 * so a code never changes meaning once published.
 */
export const errorCatalogue = {
  bad_request: { status: 400, title: 'Bad request', description: 'The request itself could not be read: a malformed request line, header or percent-encoding.' },
  validation_failed: { status: 400, title: 'Validation failed', description: 'One or more fields are missing or invalid. `errors` lists each one with a JSON pointer to the field.' },
  invalid_json: { status: 400, title: 'Malformed JSON', description: 'The request body is not valid JSON.' },
  unknown_fields: { status: 400, title: 'Unknown fields', description: 'The request body or query has fields this operation does not accept; `errors` names them.' },
  unauthenticated: { status: 401, title: 'Authentication required', description: 'Send `Authorization: Bearer <api key>`.' },
  invalid_api_key: { status: 401, title: 'Invalid API key', description: 'The API key is malformed or unknown.' },
  api_key_revoked: { status: 401, title: 'API key revoked', description: 'The API key was revoked; create a new one in the console.' },
  api_key_expired: { status: 401, title: 'API key expired', description: 'The API key has passed its expiry date.' },
  host_mismatch: { status: 401, title: 'Key of another host', description: 'On a partner’s own host (its subdomain or custom domain) only that partner’s API keys work; call your own host, or the platform host.' },
  partner_mismatch: { status: 403, title: 'Partner mismatch', description: 'The `X-Partner-ID` header names another partner than the API key belongs to.' },
  insufficient_scope: { status: 403, title: 'Missing scope', description: 'The API key lacks the scope this operation needs; the detail names it.' },
  forbidden: { status: 403, title: 'Forbidden', description: 'You are not allowed to do this.' },
  not_found: { status: 404, title: 'Not found', description: 'The resource does not exist, or belongs to someone else.' },
  host_not_found: { status: 404, title: 'Unknown host', description: 'The host serves no partner: it is unknown, or its custom domain is not verified yet.' },
  route_not_found: { status: 404, title: 'No such route', description: 'No operation exists at this path; see the API reference.' },
  method_not_allowed: { status: 405, title: 'Method not allowed', description: 'The path exists but not with this method; `Allow` lists the methods it accepts.' },
  conflict: { status: 409, title: 'Conflict', description: 'The request conflicts with the current state, for example a duplicate.' },
  idempotency_in_progress: { status: 409, title: 'Request in progress', description: 'A request with this Idempotency-Key is still being processed; retry after it completes.' },
  client_insufficient_funds: { status: 402, title: 'Client lacks funds', description: 'The client’s wallet (or points or days) holds less than this needs; nothing moved. `shortfall` says how much is missing, in `unit` (paise for INR).' },
  partner_insufficient_funds: { status: 402, title: 'Partner lacks funds', description: 'Your prepaid balance (or days or points) holds less than this needs at wholesale; nothing moved. `shortfall` says how much is missing, in `unit` (paise for INR).' },
  ledger_key_conflict: { status: 409, title: 'Ledger key reused', description: 'A ledger operation with this idempotency key was already made with a different request; nothing moved.' },
  hold_closed: { status: 409, title: 'Hold already closed', description: 'The hold was already posted, voided or has timed out; it cannot be posted again.' },
  already_refunded: { status: 409, title: 'Already refunded', description: 'This charge was refunded already; a charge is refunded at most once.' },
  retail_below_wholesale: { status: 422, title: 'Retail below wholesale', description: 'This retail price is below your wholesale price, so every sale would lose money; send `confirm_below_wholesale: true` to set it anyway.' },
  payload_too_large: { status: 413, title: 'Payload too large', description: 'The request body is larger than this operation accepts.' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', description: 'Send the body as `application/json`.' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused', description: 'This Idempotency-Key was already used with a different request body or path.' },
  locked: { status: 423, title: 'Locked', description: 'Too many failed attempts; wait before trying again.' },
  otp_resend_limit: { status: 429, title: 'No more codes', description: 'This registration has been sent as many new codes (e-mail, SMS and Aadhaar together) as it may be; cancel it and register again.' },
  request_header_too_large: { status: 431, title: 'Request headers too large', description: 'The URL or the headers are longer than this server reads (16 KB together); send long data in the body.' },
  rate_limited: { status: 429, title: 'Rate limit exceeded', description: 'Too many requests this hour for your tier; `Retry-After` says when to try again.' },
  not_implemented: { status: 501, title: 'Not available yet', description: 'A compatibility endpoint that is not available yet; the migration guide lists what is.' },
  internal_error: { status: 500, title: 'Internal error', description: 'Something failed on our side. Nothing you sent caused it; retry, and quote the request id if it persists.' },
  service_unavailable: { status: 503, title: 'Service unavailable', description: 'The service cannot reach its database for a moment; `Retry-After` says when to try again. Nothing was changed.' },
  method_not_implemented: { status: 501, title: 'Method not implemented', description: 'This server implements no resource with this method (TRACE, CONNECT, or one HTTP does not define).' },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
