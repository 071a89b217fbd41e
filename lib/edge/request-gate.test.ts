import { describe, expect, it } from 'vitest';
import { isUnservableMethod, parserErrorRefusal, repairedPercentEncoding, unavailableRefusal } from './request-gate';

describe('request gate', () => {
  it('takes a stray or non-UTF-8 % literally, and leaves valid escapes alone', () => {
    expect(repairedPercentEncoding('/login/%ff')).toBe('/login/%25ff');
    expect(repairedPercentEncoding('/api/v1/clients/%ff?x=%e2%82%ac')).toBe('/api/v1/clients/%25ff?x=%e2%82%ac');
    expect(repairedPercentEncoding('/a%zz/b%')).toBe('/a%25zz/b%25');
    expect(repairedPercentEncoding('/%ed%a0%80')).toBe('/%25ed%25a0%2580');
    expect(repairedPercentEncoding('/caf%C3%A9?q=%20')).toBeNull();
    expect(repairedPercentEncoding('/plain')).toBeNull();
  });

  it('knows the methods Next cannot hold', () => {
    for (const method of ['TRACE', 'track', 'CONNECT']) expect(isUnservableMethod(method)).toBe(true);
    for (const method of ['GET', 'POST', 'OPTIONS', undefined]) expect(isUnservableMethod(method)).toBe(false);
  });

  it('answers parser errors as problem+json under /api and as a page elsewhere', () => {
    const overflow = Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('GET /api/v1/clients?x=aaaa HTTP/1.1\r\nHost: acme.localhost:3000\r\nX-Big: aaaa') });
    const api = parserErrorRefusal(overflow)!;
    expect(api.status).toBe(431);
    expect(api.headers['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(api.body)).toMatchObject({ status: 431, code: 'request_header_too_large', type: 'http://acme.localhost:3000/docs/api/errors#request_header_too_large' });

    const method = Object.assign(new Error('Invalid method'), { code: 'HPE_INVALID_METHOD', rawPacket: Buffer.from('FOO /login HTTP/1.1\r\nHost: acme.localhost\r\n\r\n') });
    const page = parserErrorRefusal(method)!;
    expect(page.status).toBe(501);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Not supported</h1>');
    const branded = parserErrorRefusal(method, (host) => (host === 'acme.localhost' ? { productName: 'Acme Connect', primaryColor: '#0f766e' } : null))!;
    expect(branded.body).toContain('<title>Not supported · Acme Connect</title>');
    expect(branded.body).toContain('#0f766e');

    expect(parserErrorRefusal(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBeNull();
  });

  it('while the database is away: 503 with Retry-After, in the partner’s brand when it is known, liveness and readiness untouched', () => {
    const page = unavailableRefusal('/clients', 'acme.localhost', { productName: 'Acme <Connect>', primaryColor: '#123456' })!;
    expect(page).toMatchObject({ status: 503, headers: { 'Retry-After': '2', 'Content-Type': 'text/html; charset=utf-8' } });
    expect(page.body).toContain('Temporarily unavailable');
    expect(page.body).toContain('Acme &#60;Connect&#62;');
    expect(page.body).toContain('#123456');
    expect(unavailableRefusal('/login', 'acme.localhost', { productName: 'X', primaryColor: 'red;}body{' })!.body).not.toContain('red;}');
    const api = unavailableRefusal('/api/v1/clients', 'localhost', null)!;
    expect(JSON.parse(api.body)).toMatchObject({ status: 503, code: 'service_unavailable' });
    for (const path of ['/api/health', '/api/ready', '/_next/static/chunks/a.js']) expect(unavailableRefusal(path, 'localhost', null)).toBeNull();
  });
});
