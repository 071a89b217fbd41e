import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { systemCtx } from '@/lib/audit/context';
import { authenticate } from '@/lib/auth/authenticate';
import { seedClient } from '@/lib/clients/seed-client';
import { getConfig } from '@/lib/config';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { findInvite } from '@/lib/team/accept-invite';
import { listTeam } from '@/lib/team/list-team';
import { runCli } from './run-cli';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, { keepDatabaseOpen: true });
  const all = [...out, ...err].join('\n');
  // Whatever a command does, a password hash never reaches the terminal.
  expect(all).not.toMatch(/\$argon2/);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const unique = () => randomBytes(4).toString('hex');
const partnerHost = (slug: string) => `${slug}.${getConfig().PLATFORM_DOMAIN}`;
const signIn = (host: string, email: string, password: string) => authenticate({ host, email, password, ip: null });

async function newPartner(prefix = 'cli') {
  const slug = `${prefix}-${unique()}`;
  const result = await cli('create-partner', '--slug', slug, '--name', `Partner ${slug}`);
  expect(result.code).toBe(0);
  return slug;
}

function shownPassword(output: string, label: RegExp): string {
  const match = output.match(new RegExp(`${label.source}: (\\S+)`));
  expect(match, `no password in:\n${output}`).not.toBeNull();
  return match![1]!;
}

describe('usage', () => {
  it('lists every command with its flags when run without a command or with help', async () => {
    for (const argv of [[], ['help'], ['--help']]) {
      const { code, out } = await cli(...argv);
      expect(code).toBe(0);
      for (const name of ['create-operator', 'create-partner', 'create-partner-user', 'reset-password', 'list-partners', 'set-rate-limit', 'create-api-key', 'list-api-keys', 'revoke-api-key']) expect(out).toContain(name);
      expect(out).toContain('--tier standard|premium|enterprise');
      expect(out).toContain('stop the server first: one process per data folder');
    }
  });

  it('shows one command’s usage with help <command> or --help', async () => {
    const viaHelp = await cli('help', 'create-partner');
    const viaFlag = await cli('create-partner', '--help');
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.out).toContain('create-partner --slug <slug> --name <name>');
    expect(viaFlag.out).toBe(viaHelp.out);
  });

  it('answers an unknown command with the usage text and exit code 2', async () => {
    const { code, out, err } = await cli('frobnicate', '--x');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('error: unknown command “frobnicate”');
    expect(err).toContain('Commands:');
  });

  it('refuses unknown flags, stray arguments and missing required flags with exit code 2', async () => {
    const unknownFlag = await cli('create-partner', '--slug', `x-${unique()}`, '--name', 'X Corp', '--colour', 'red');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toMatch(/--colour/);
    expect(unknownFlag.err).toContain('Usage: npm run cli -- create-partner');

    const stray = await cli('list-partners', 'everything');
    expect(stray.code).toBe(2);

    const missing = await cli('create-partner-user', '--partner', 'acme');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('error: missing --email, --name');
  });
});

describe('create-partner', () => {
  it('creates a partner with the given tier and says where its console is', async () => {
    const slug = `new-${unique()}`;
    const { code, out } = await cli('create-partner', '--slug', slug, '--name', 'Acme Telecom', '--tier', 'premium');
    expect(code).toBe(0);
    expect(out).toContain(`Created partner ${slug} “Acme Telecom”`);
    expect(out).toContain(`${slug}.`);
    const partner = await findPartnerBySlug(systemCtx, slug);
    expect(partner).toMatchObject({ name: 'Acme Telecom', tier: 'premium', status: 'active' });
  });

  it('reports validation failures with one line per field and exit code 1, creating nothing', async () => {
    const { code, out, err } = await cli('create-partner', '--slug', 'ab', '--name', 'Acme', '--tier', 'gold');
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.split('\n');
    expect(lines[0]).toBe('error: 2 fields need attention.');
    expect(lines).toContain('  slug: Use at least 3 characters.');
    expect(lines).toContain('  tier: Choose standard, premium or enterprise.');
    await expect(findPartnerBySlug(systemCtx, 'ab')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports a taken slug as an error on the slug field', async () => {
    const slug = await newPartner();
    const { code, err } = await cli('create-partner', '--slug', slug, '--name', 'Someone Else');
    expect(code).toBe(1);
    expect(err).toContain(`error: The slug “${slug}” is already taken.`);
    expect(err).toContain(`  slug: The slug “${slug}” is already taken.`);
  });
});

describe('create-partner-user', () => {
  it('prints a generated password exactly once, and the user can sign in with it on the partner’s host', async () => {
    const slug = await newPartner();
    const email = `owner-${unique()}@example.com`;
    const { code, out } = await cli('create-partner-user', '--partner', slug, '--email', email.toUpperCase(), '--name', 'Olive Owner', '--role', 'owner');
    expect(code).toBe(0);
    expect(out).toContain(`Added Olive Owner <${email}> to ${slug} as owner`);
    const password = shownPassword(out, /Temporary password \(shown once\)/);
    expect(out.split(password)).toHaveLength(2);

    const result = await signIn(partnerHost(slug), email, password);
    expect(result).toMatchObject({ ok: true, user: { email, audience: 'partner' } });
  });

  it('sets a given password without printing it', async () => {
    const slug = await newPartner();
    const email = `admin-${unique()}@example.com`;
    const password = 'chosen-password-42';
    const { code, out } = await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Ada Admin', '--role', 'admin', '--password', password);
    expect(code).toBe(0);
    expect(out).not.toContain(password);
    expect(out).not.toMatch(/shown once/);
    expect(await signIn(partnerHost(slug), email, password)).toMatchObject({ ok: true });
  });

  it('refuses a weak given password before creating the user', async () => {
    const slug = await newPartner();
    const { code, err } = await cli('create-partner-user', '--partner', slug, '--email', `weak-${unique()}@example.com`, '--name', 'Weak', '--password', 'short');
    expect(code).toBe(1);
    expect(err).toContain('  password: Use at least 10 characters.');
    const partner = await findPartnerBySlug(systemCtx, slug);
    expect(await listTeam({ ...systemCtx, partnerId: partner.id })).toEqual([]);
  });

  it('prints an invitation link on the partner’s host that opens the invitation', async () => {
    const slug = await newPartner();
    const email = `invitee-${unique()}@example.com`;
    const { code, out } = await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Ivy Invitee', '--invite');
    expect(code).toBe(0);
    expect(out).not.toMatch(/password/i);
    const link = new URL(out.match(/Invitation link[^:]*: (\S+)/)![1]!);
    expect(link.hostname).toBe(`${slug}.${new URL(getConfig().PLATFORM_URL).hostname}`);
    expect(link.pathname).toMatch(/^\/invite\/[\w-]{20,}$/);

    const partner = await findPartnerBySlug(systemCtx, slug);
    const token = link.pathname.slice('/invite/'.length);
    expect(await findInvite(partner.id, token)).toMatchObject({ email, name: 'Ivy Invitee' });
  });

  it('will not combine --password with --invite', async () => {
    const { code, err } = await cli('create-partner-user', '--partner', 'any', '--email', 'a@example.com', '--name', 'A', '--password', 'long-enough-1', '--invite');
    expect(code).toBe(2);
    expect(err).toContain('either --password or --invite');
  });

  it('reports an unknown partner and a duplicate e-mail', async () => {
    const unknown = await cli('create-partner-user', '--partner', `missing-${unique()}`, '--email', 'a@example.com', '--name', 'A');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^error: Partner “missing-\w+” was not found\.$/);

    const slug = await newPartner();
    const email = `twice-${unique()}@example.com`;
    expect((await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Once')).code).toBe(0);
    const again = await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Twice');
    expect(again.code).toBe(1);
    expect(again.err).toContain('  email: Someone with this e-mail is already on the team.');
  });
});

describe('reset-password', () => {
  it('gives a partner user a new generated password, shown once, and the old one stops working', async () => {
    const slug = await newPartner();
    const email = `reset-${unique()}@example.com`;
    const created = await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Rita Reset');
    const oldPassword = shownPassword(created.out, /Temporary password \(shown once\)/);

    const { code, out } = await cli('reset-password', '--partner', slug, '--email', email);
    expect(code).toBe(0);
    const newPassword = shownPassword(out, /New password \(shown once\)/);
    expect(newPassword).not.toBe(oldPassword);
    expect(await signIn(partnerHost(slug), email, newPassword)).toMatchObject({ ok: true });
    expect(await signIn(partnerHost(slug), email, oldPassword)).toMatchObject({ ok: false, reason: 'invalid' });
  }, 30_000);

  it('sets a given password for an operator without printing it', async () => {
    const email = `ops-${unique()}@example.com`;
    const created = await cli('create-operator', '--email', email, '--name', 'Otto Operator');
    expect(created.code).toBe(0);
    shownPassword(created.out, /Temporary password \(shown once\)/);

    const password = 'operator-pass-77';
    const { code, out } = await cli('reset-password', '--operator', '--email', email, '--password', password);
    expect(code).toBe(0);
    expect(out).not.toContain(password);
    expect(await signIn(getConfig().PLATFORM_DOMAIN, email, password)).toMatchObject({ ok: true, user: { audience: 'operator', partnerId: null } });
  });

  it('reports someone who is not there, and needs exactly one of --partner and --operator', async () => {
    const slug = await newPartner();
    const missing = await cli('reset-password', '--partner', slug, '--email', `nobody-${unique()}@example.com`);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: Team member “nobody-\w+@example\.com” was not found\.$/);

    const operatorMissing = await cli('reset-password', '--operator', '--email', `nobody-${unique()}@example.com`);
    expect(operatorMissing.code).toBe(1);
    expect(operatorMissing.err).toMatch(/not found/);

    expect((await cli('reset-password', '--email', 'a@example.com')).code).toBe(2);
    expect((await cli('reset-password', '--operator', '--partner', slug, '--email', 'a@example.com')).code).toBe(2);
  });

  it('checks a given password against the password rules', async () => {
    const slug = await newPartner();
    const email = `rules-${unique()}@example.com`;
    await cli('create-partner-user', '--partner', slug, '--email', email, '--name', 'Rule Follower');
    const { code, err } = await cli('reset-password', '--partner', slug, '--email', email, '--password', 'onlyletterspassword');
    expect(code).toBe(1);
    expect(err).toContain('  password: Mix letters with digits or symbols.');
  });
});

describe('list-partners', () => {
  it('shows each partner with tier, status and client count, as a table or as JSON', async () => {
    const first = await newPartner('list');
    const second = `list-${unique()}`;
    await cli('create-partner', '--slug', second, '--name', 'Second Partner', '--tier', 'enterprise');
    const partner = await findPartnerBySlug(systemCtx, second);
    await seedClient({ ...systemCtx, partnerId: partner.id }, { name: 'Client One', email: `client-${unique()}@example.com`, status: 'active' });

    const table = await cli('list-partners');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^SLUG\s+NAME\s+TIER\s+STATUS\s+CLIENTS\s+CREATED$/);
    const row = lines.find((line) => line.startsWith(`${second} `));
    expect(row?.split(/\s{2,}/)).toEqual([second, 'Second Partner', 'enterprise', 'active', '1', partner.createdAt.toISOString().slice(0, 10)]);
    expect(lines.some((line) => line.startsWith(`${first} `))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ partners$/);

    const json = await cli('list-partners', '--json');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.slug === second)).toEqual({
      id: partner.id,
      slug: second,
      name: 'Second Partner',
      tier: 'enterprise',
      status: 'active',
      clients: 1,
      domains: 0,
      createdAt: partner.createdAt.toISOString(),
    });
    expect(rows.some((r) => r.slug === first)).toBe(true);
  });
});

function shownKey(output: string): string {
  const match = output.match(/API key \(shown once\): (sk_(?:live|test)_\S+)/);
  expect(match, `no key in:\n${output}`).not.toBeNull();
  return match![1]!;
}

describe('create-api-key, list-api-keys and revoke-api-key', () => {
  it('prints a live key once, which then authenticates with the scopes given', async () => {
    const slug = await newPartner('keys');
    const { code, out } = await cli('create-api-key', '--partner', slug, '--name', 'CRM sync', '--mode', 'live', '--scopes', 'clients:read, clients:write');
    expect(code).toBe(0);
    expect(out).toContain(`Created live API key “CRM sync”`);
    const secret = shownKey(out);
    expect(out.split(secret)).toHaveLength(2);
    const partner = await findPartnerBySlug(systemCtx, slug);
    expect(await authenticateApiKey(secret)).toMatchObject({ mode: 'live', partnerId: partner.id, livePartnerId: partner.id, scopes: ['clients:read', 'clients:write'], expiresAt: null });
  });

  it('makes a test key act on the sandbox, with an expiry', async () => {
    const slug = await newPartner('keys');
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const { code, out } = await cli('create-api-key', '--partner', slug, '--name', 'Staging', '--mode', 'test', '--scopes', 'events:read', '--expires', expires);
    expect(code).toBe(0);
    expect(out).toContain(`expiring ${expires}`);
    const partner = await findPartnerBySlug(systemCtx, slug);
    const key = await authenticateApiKey(shownKey(out));
    expect(key).toMatchObject({ mode: 'test', livePartnerId: partner.id });
    expect(key.partnerId).not.toBe(partner.id);
  });

  it('reports a bad mode, an unknown scope and a past expiry per field, creating nothing', async () => {
    const slug = await newPartner('keys');
    const { code, out, err } = await cli('create-api-key', '--partner', slug, '--name', 'Bad', '--mode', 'prod', '--scopes', 'clients:read,everything:write', '--expires', '2001-01-01T00:00:00Z');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('  mode: Choose live or test.');
    expect(err).toContain('  scopes.1: Unknown scope.');
    expect(err).toContain('  expiresAt: The expiry must be in the future.');
    expect((await cli('list-api-keys', '--partner', slug)).out).toContain('has no API keys');
  });

  it('lists keys without their secrets, and a revoked key stops authenticating', async () => {
    const slug = await newPartner('keys');
    const created = await cli('create-api-key', '--partner', slug, '--name', 'Billing', '--mode', 'live', '--scopes', 'clients:read');
    const secret = shownKey(created.out);
    const listed = await cli('list-api-keys', '--partner', slug, '--json');
    expect(listed.code).toBe(0);
    expect(listed.out).not.toContain(secret);
    const [key] = JSON.parse(listed.out) as { id: string; name: string; status: string; prefix: string }[];
    expect(key).toMatchObject({ name: 'Billing', status: 'active', prefix: expect.stringMatching(/^sk_live_[\w-]{4}…[\w-]{4}$/) });

    const revoked = await cli('revoke-api-key', '--partner', slug, '--id', key!.id);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(`Revoked API key ${key!.id}`);
    await expect(authenticateApiKey(secret)).rejects.toMatchObject({ code: 'api_key_revoked' });
    expect((await cli('list-api-keys', '--partner', slug)).out).toMatch(/live\s+revoked\s+sk_live_/);

    const again = await cli('revoke-api-key', '--partner', slug, '--id', key!.id);
    expect(again.code).toBe(1);
    expect(again.err).toBe('error: API key was not found.');
  });

  it('will not revoke another partner’s key', async () => {
    const owner = await newPartner('keys');
    const other = await newPartner('keys');
    const secret = shownKey((await cli('create-api-key', '--partner', owner, '--name', 'Mine', '--mode', 'live', '--scopes', 'clients:read')).out);
    const key = await authenticateApiKey(secret);
    const attempt = await cli('revoke-api-key', '--partner', other, '--id', key.id);
    expect(attempt.code).toBe(1);
    expect(await authenticateApiKey(secret)).toMatchObject({ id: key.id });
  });
});

describe('set-rate-limit', () => {
  it('overrides the tier’s limit for the partner’s keys, and `default` goes back to the tier', async () => {
    const slug = await newPartner('limit');
    const secret = shownKey((await cli('create-api-key', '--partner', slug, '--name', 'Limited', '--mode', 'live', '--scopes', 'clients:read')).out);

    const set = await cli('set-rate-limit', '--partner', slug, '--limit', '120');
    expect(set.code).toBe(0);
    expect(set.out).toContain(`${slug} may now make 120 API requests an hour (tier standard: 5000)`);
    expect(await authenticateApiKey(secret)).toMatchObject({ rateLimitPerHour: 120 });

    const reset = await cli('set-rate-limit', '--partner', slug, '--limit', 'default');
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('back to its tier');
    expect(await authenticateApiKey(secret)).toMatchObject({ rateLimitPerHour: null });
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const slug = await newPartner('limit');
    for (const [limit, message] of [['0', 'Allow at least 1 request an hour.'], ['2.5', 'Use a whole number.'], ['lots', 'Enter a number of requests an hour.']] as const) {
      const { code, err } = await cli('set-rate-limit', '--partner', slug, '--limit', limit);
      expect(code).toBe(1);
      expect(err).toContain(`  rateLimitPerHour: ${message}`);
    }
  });
});
