import { hkdfSync } from 'node:crypto';
import { getConfig } from '@/lib/config';

/**
 * A 256-bit key for one purpose, derived from ENCRYPTION_KEY with HKDF-SHA256. Each use gets its own key, so
 * a digest made for one purpose can never be replayed as, or help attack, another (nor the sealing key itself).
 */
export function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', getConfig().encryptionKey, Buffer.alloc(0), `switchboard/${purpose}`, 32));
}
