import { getConfig } from '@/lib/config';

/**
 * Absolute URLs for links that leave the current request (invitations, printed by the CLI and seed). Scheme and
 * port come from PLATFORM_URL, so `acme.localhost:3000` in development and `https://acme.example.com` in
 * production both come out right.
 */
export function partnerUrl(slug: string, path = '/'): string {
  const base = new URL(getConfig().PLATFORM_URL);
  base.hostname = `${slug}.${base.hostname}`;
  return new URL(path, base).toString();
}

export function platformUrl(path = '/'): string {
  return new URL(path, getConfig().PLATFORM_URL).toString();
}

/** The origin people reach a partner host at: its hostname, with PLATFORM_URL's scheme and port. */
export function hostOrigin(hostname: string): string {
  const base = new URL(getConfig().PLATFORM_URL);
  base.hostname = hostname;
  return base.origin;
}
