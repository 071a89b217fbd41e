import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { getConfig } from '@/lib/config';

/**
 * Secrets the platform must be able to read back (webhook signing secrets, provider tokens) are sealed with
 * AES-256-GCM under ENCRYPTION_KEY: `v1.<iv>.<tag>.<ciphertext>` in base64url. The version prefix leaves room
 * for key rotation.
 */
export function seal(plaintext: string, key: Buffer = getConfig().encryptionKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function unseal(sealed: string, key: Buffer = getConfig().encryptionKey): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unrecognised sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
