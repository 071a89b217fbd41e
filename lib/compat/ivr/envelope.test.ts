import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { ivrError } from './envelope';

describe('IVR Solutions error envelope', () => {
  it('keeps 400/401/404/405 plain and adds the code where there is more to say', () => {
    expect(ivrError(new AppError('not_found', 'Client was not found.')).body).toEqual({ status: 404, message: 'Client was not found.' });
    expect(ivrError(new AppError('conflict', 'Finish the earlier step first.')).body).toEqual({ status: 409, message: 'Finish the earlier step first.', code: 'conflict' });
    expect(ivrError(new AppError('idempotency_key_reused', 'Reused.')).body).toEqual({ status: 422, message: 'Reused.', code: 'idempotency_key_reused' });
  });

  it('folds statuses IVR Solutions never sends into the nearest one it does, saying which code it was', () => {
    expect(ivrError(new AppError('insufficient_scope', 'Lacks onboarding:write.')).body).toEqual({ status: 401, message: 'Lacks onboarding:write.', code: 'insufficient_scope' });
    expect(ivrError(new AppError('locked', 'Too many wrong codes.')).body).toEqual({ status: 429, message: 'Too many wrong codes.', code: 'locked' });
    expect(ivrError(new AppError('unsupported_media_type', 'Send JSON.')).body).toEqual({ status: 400, message: 'Send JSON.', code: 'unsupported_media_type' });
  });

  it('names every invalid field as the client sent it, in one message', () => {
    const error = new AppError('validation_failed', '2 fields need attention.', { mobile_otp: 'Enter the 6-digit code.', 'path.registration_id': 'registration_id is required.' });
    const names: Record<string, string> = { mobile_otp: 'mobileotp', registration_id: 'request_id' };
    expect(ivrError(error, (field) => names[field] ?? field).body.message).toBe('mobileotp: Enter the 6-digit code. request_id: registration_id is required.');
  });

  it('says nothing about an unexpected error but that it was ours, and keeps Retry-After', () => {
    const crash = ivrError(new Error('connection refused at db.ts:12'));
    expect(crash.body).toEqual({ status: 500, message: expect.stringContaining('on our side'), code: 'internal_error' });
    expect(JSON.stringify(crash.body)).not.toContain('db.ts');
    expect(ivrError(new AppError('rate_limited', 'Wait.', undefined, { 'Retry-After': '30' })).headers).toEqual({ 'Retry-After': '30' });
  });

  it('answers a database that cannot be reached as 503 with Retry-After, as the REST face does', () => {
    const away = ivrError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(away.body).toEqual({ status: 503, message: expect.stringContaining('database'), code: 'service_unavailable' });
    expect(away.headers['Retry-After']).toBe('2');
  });
});
