import { describe, expect, it } from 'vitest';
import { authPagesFor } from './auth-pages';

describe('authPagesFor', () => {
  const pages = (login: string) => ({ signIn: login, signOut: login, error: login, verifyRequest: login });

  it('sends Auth.js’s pages on the platform host to the operator sign-in', () => {
    expect(authPagesFor('switchboard.example', 'switchboard.example')).toEqual(pages('/admin/login'));
    expect(authPagesFor('Switchboard.Example:3000', 'switchboard.example')).toEqual(pages('/admin/login'));
  });

  it('sends them on a partner’s host, or any other, to that host’s own sign-in', () => {
    for (const host of ['acme.switchboard.example', 'console.acme-telecom.example:443', 'not a host', null]) {
      expect(authPagesFor(host, 'switchboard.example')).toEqual(pages('/login'));
    }
  });
});
