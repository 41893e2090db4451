import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber, maskMobile } from './masking.ts';

/** A 32-byte key with its id; the id is stored beside every value so keys can rotate. */
export interface DataKey {
  id: string;
  key: Buffer;
}

export interface PersonalDataKeys {
  /** The key new values are encrypted with. */
  current: DataKey;
  /** Older keys still accepted for reading during a rotation. */
  previous: DataKey[];
  /** The key of the keyed hash used for exact matching; it does not rotate with the encryption keys. */
  hashKey: Buffer;
}

const version = 'v1';

/**
 * Encrypts personal data (AES-256-GCM, random 96-bit nonce).
 * Output: `v1.<keyId>.<nonce>.<ciphertext>.<tag>`, base64url parts.
 */
export function encryptPersonalData(keys: PersonalDataKeys, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, keys.current.id, nonce.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
}

/** The id of the key a stored value was encrypted with. */
export function keyIdOf(sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== version) throw new Error('Not an encrypted personal-data value');
  return parts[1]!;
}

/** Decrypts a value written by {@link encryptPersonalData} with the current or a previous key. */
export function decryptPersonalData(keys: PersonalDataKeys, sealed: string): string {
  const [, keyId, nonce, ciphertext, tag] = sealed.split('.');
  const keyIdValue = keyIdOf(sealed);
  const dataKey = [keys.current, ...keys.previous].find((candidate) => candidate.id === keyIdValue);
  if (!dataKey) throw new Error(`Unknown personal-data key id ${keyId}`);
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, Buffer.from(nonce!, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64url')), decipher.final()]).toString('utf8');
}

/** HMAC-SHA-256 of an already normalised value, hex: equal values give equal hashes, for exact matching. */
export function hashPersonalData(keys: PersonalDataKeys, normalised: string, purpose: string): string {
  return createHmac('sha256', keys.hashKey).update(`${purpose}\u0000${normalised}`).digest('hex');
}

/** Generates fresh key material: for first start of the embedded default and for tests. */
export function generateKeyMaterial(): { id: string; key: string; hashKey: string } {
  return {
    id: `k${Date.now().toString(36)}`,
    key: randomBytes(32).toString('base64'),
    hashKey: randomBytes(32).toString('base64'),
  };
}

/**
 * Parses keys from their text form: `XINFANG_DATA_KEYS` is a comma-separated list of `id:base64key`, the first
 * being current; `hashKey` is base64.
 */
export function parseKeys(dataKeys: string, hashKey: string): PersonalDataKeys {
  const parsed = dataKeys
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, encoded] = entry.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error('Each data key must be "id:<32 bytes base64>"');
      return { id, key };
    });
  const [current, ...previous] = parsed;
  if (!current) throw new Error('At least one data key is required');
  const hash = Buffer.from(hashKey, 'base64');
  if (hash.length < 32) throw new Error('The hash key must be at least 32 bytes, base64');
  return { current, previous, hashKey: hash };
}

/** The stored forms of a mobile number: ciphertext, keyed hash, masked text, keyed hash of the last 4 digits. */
export interface ProtectedMobile {
  cipher: string;
  hash: string;
  masked: string;
  last4Hash: string;
}

/** Everything the petitioners table stores for a normalised mobile number. */
export function protectMobile(keys: PersonalDataKeys, normalisedMobile: string): ProtectedMobile {
  return {
    cipher: encryptPersonalData(keys, normalisedMobile),
    hash: hashPersonalData(keys, normalisedMobile, 'mobile'),
    masked: maskMobile(normalisedMobile),
    last4Hash: hashPersonalData(keys, normalisedMobile.slice(-4), 'mobileLast4'),
  };
}

/** Everything the petitioners table stores for a normalised ID number. */
export function protectIdNumber(keys: PersonalDataKeys, normalisedIdNumber: string): { cipher: string; hash: string; masked: string } {
  return {
    cipher: encryptPersonalData(keys, normalisedIdNumber),
    hash: hashPersonalData(keys, normalisedIdNumber, 'idNumber'),
    masked: maskIdNumber(normalisedIdNumber),
  };
}
