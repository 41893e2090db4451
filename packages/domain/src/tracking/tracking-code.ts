/**
 * Tracking codes (查询码): 9 random symbols and 1 check symbol from a 31-symbol alphabet without the
 * look-alikes 0/O/1/I (and Z, to make the alphabet size prime). The check symbol makes the weighted sum
 * Σ (position · value) ≡ 0 (mod 31): with a prime modulus and distinct non-zero weights every
 * single-symbol error and every adjacent transposition changes the sum, so it never parses as valid.
 */
export const trackingAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXY';
const modulus = trackingAlphabet.length; // 31, prime
const payloadLength = 9;

/** A source of cryptographically random bytes, injected (the domain has no randomness of its own). */
export type RandomBytes = (length: number) => Uint8Array;

function weightedSum(values: readonly number[]): number {
  return values.reduce((sum, value, index) => (sum + (index + 1) * value) % modulus, 0);
}

function checkValue(payload: readonly number[]): number {
  const weight = payload.length + 1;
  const sum = weightedSum(payload);
  // find c with sum + weight·c ≡ 0 (mod 31); weight < 31 so it has an inverse
  for (let candidate = 0; candidate < modulus; candidate++) {
    if ((sum + weight * candidate) % modulus === 0) return candidate;
  }
  throw new Error('unreachable: 31 is prime');
}

/**
 * A new tracking code, formatted `XXXX-XXXX-XX`.
 * @example generateTrackingCode((n) => crypto.getRandomValues(new Uint8Array(n))) // 'K7QM-3XWD-9F'
 */
export function generateTrackingCode(randomBytes: RandomBytes): string {
  const values: number[] = [];
  while (values.length < payloadLength) {
    for (const byte of randomBytes(payloadLength * 2)) {
      // rejection sampling keeps the distribution uniform: 248 = 8 · 31
      if (byte < 248 && values.length < payloadLength) values.push(byte % modulus);
    }
  }
  values.push(checkValue(values));
  return formatTrackingCode(values.map((value) => trackingAlphabet[value]).join(''));
}

function formatTrackingCode(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/**
 * Parses what a person typed: case, spaces and hyphens do not matter. Returns the canonical
 * `XXXX-XXXX-XX` form, or undefined when the code is malformed or its check symbol is wrong.
 * @example parseTrackingCode('k7qm 3xwd 9f') // 'K7QM-3XWD-9F' if valid
 */
export function parseTrackingCode(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (compact.length !== payloadLength + 1) return undefined;
  const values = [...compact].map((symbol) => trackingAlphabet.indexOf(symbol));
  if (values.some((value) => value < 0)) return undefined;
  return weightedSum(values) === 0 ? formatTrackingCode(compact) : undefined;
}
