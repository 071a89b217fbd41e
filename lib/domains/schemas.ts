import { z } from 'zod';
import { normaliseHostname } from '@/lib/http/hostname';

export const addDomainSchema = z.object({
  hostname: z
    .string()
    .trim()
    .min(1, 'Enter a domain such as console.example.com.')
    .transform((value, issue) => {
      const hostname = normaliseHostname(value.replace(/^https?:\/\//i, '').replace(/\/.*$/, ''));
      if (!hostname || !hostname.includes('.') || /^[\d.]+$/.test(hostname)) {
        issue.addIssue({ code: 'custom', message: 'Enter a domain name such as console.example.com (no IP addresses).' });
        return z.NEVER;
      }
      return hostname;
    }),
});

export const verificationRecordPrefix = '_verify';
export const verificationValuePrefix = 'domain-verification=';
export const maxCustomDomains = 10;
