import { z } from 'zod';

/** At most this many photos per submission. */
export const maxKioskPhotos = 3;
/** The largest photo accepted, in bytes (the kiosk shrinks photos to fit before sending). */
export const maxKioskPhotoBytes = 300 * 1024;
export const KioskPhotoType = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type KioskPhotoType = z.infer<typeof KioskPhotoType>;

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The number of bytes a base64 text decodes to.
 * @example base64ByteLength('aGVsbG8=') // 5
 */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * The image type that a file's first bytes show (magic numbers), whatever its name or declared type says.
 * @example sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffImageType(head: Uint8Array): KioskPhotoType | undefined {
  const at = (index: number) => head[index] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => at(index) === byte)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes base64 (standard alphabet, optional padding); the domain runs where neither atob nor Buffer is assumed.
 * @example decodeBase64('aGk=') // Uint8Array [104, 105]
 */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of clean) {
    const value = base64Alphabet.indexOf(character);
    if (value < 0) break;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * Encodes bytes as base64 with padding.
 * @example encodeBase64(new Uint8Array([104, 105])) // 'aGk='
 */
export function encodeBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[index], bytes[index + 1], bytes[index + 2]];
    const chunk = (a << 16) | (b << 8) | c;
    const remaining = bytes.length - index;
    text += base64Alphabet[(chunk >> 18) & 63]! + base64Alphabet[(chunk >> 12) & 63]!;
    text += remaining > 1 ? base64Alphabet[(chunk >> 6) & 63]! : '=';
    text += remaining > 2 ? base64Alphabet[chunk & 63]! : '=';
  }
  return text;
}

function decodeHead(base64: string): Uint8Array {
  return decodeBase64(base64.slice(0, 16));
}

/** A photo of a document, as base64; the content must really be a JPEG, PNG or WebP image of at most 300 KB. */
export const KioskPhoto = z
  .object({
    contentType: KioskPhotoType.catch('image/jpeg'),
    dataBase64: z.string().min(16, 'kiosk.photo.notImage').regex(base64Pattern, 'kiosk.photo.notImage'),
  })
  .superRefine((photo, context) => {
    if (base64ByteLength(photo.dataBase64) > maxKioskPhotoBytes) {
      context.addIssue({ code: 'custom', message: 'kiosk.photo.tooLarge', path: ['dataBase64'] });
      return;
    }
    const sniffed = sniffImageType(decodeHead(photo.dataBase64));
    if (sniffed === undefined || sniffed !== photo.contentType) context.addIssue({ code: 'custom', message: 'kiosk.photo.notImage', path: ['dataBase64'] });
  });
export type KioskPhoto = z.input<typeof KioskPhoto>;
