import { describe, expect, it } from 'vitest';
import { invalid } from '@/lib/errors/app-error';
import { idleState } from './form-state';
import { formAction } from './form-action';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe('formAction', () => {
  it('echoes what was typed after a failure, a new password included, but never secrets, identity numbers or one-time codes', async () => {
    const action = formAction(async () => {
      throw invalid('aadhaar_number', 'This is not a valid Aadhaar number.');
    });
    const state = await action(idleState, form({ name: 'Asha', password: 'pw-123456789', current_password: 'old-pw-1234', token: 't', aadhaar_number: '234567890124', email_otp: '123456', otp: '', pan: 'ABCPE1234F' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors).toEqual({ aadhaar_number: 'This is not a valid Aadhaar number.' });
    expect(state.values).toEqual({ name: 'Asha', password: 'pw-123456789', pan: 'ABCPE1234F' });
    expect(JSON.stringify(state)).not.toContain('234567890124');
    expect(JSON.stringify(state)).not.toContain('old-pw-1234');
    // Each emptied field that held something says why; an empty one has nothing to explain.
    expect(Object.keys(state.cleared ?? {}).sort()).toEqual(['aadhaar_number', 'current_password', 'email_otp', 'token']);
    expect(state.cleared?.aadhaar_number).toMatch(/never sent back to the page/);
  });

  it('refuses a NUL byte or a lone surrogate beside its field before the action runs, keeping the rest typed', async () => {
    let ran = false;
    const action = formAction(async () => {
      ran = true;
    });
    const state = await action(idleState, form({ name: 'Asha\u0000', city: 'Pune' }));
    expect(ran).toBe(false);
    expect(state).toMatchObject({ status: 'error', fieldErrors: { name: 'This value must not contain a NUL character (U+0000).' }, values: { name: 'Asha', city: 'Pune' } });
    // A lone surrogate cannot reach a form: FormData holds USVStrings, which replace it with U+FFFD.
  });
});
