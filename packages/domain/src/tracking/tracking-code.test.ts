import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTrackingCode, parseTrackingCode, trackingAlphabet } from './tracking-code.ts';

const randomSource = fc.uint8Array({ minLength: 64, maxLength: 64 }).map((pool) => {
  let offset = 0;
  return (length: number) => Uint8Array.from({ length }, () => pool[offset++ % pool.length]!);
});

describe('tracking codes', () => {
  it('uses no look-alike symbols', () => {
    expect(trackingAlphabet).not.toMatch(/[0O1I]/);
    expect(new Set(trackingAlphabet).size).toBe(trackingAlphabet.length);
  });

  it('generates codes that parse, in any case and with spaces or hyphens', () => {
    fc.assert(
      fc.property(randomSource, (random) => {
        const code = generateTrackingCode(random);
        expect(code).toMatch(/^[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{2}$/);
        expect(parseTrackingCode(code)).toBe(code);
        expect(parseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
        expect(parseTrackingCode(` ${code.replace(/-/g, '')} `)).toBe(code);
      }),
    );
  });

  it('rejects every single-symbol change', () => {
    fc.assert(
      fc.property(randomSource, fc.nat(9), fc.nat(29), (random, position, shift) => {
        const compact = generateTrackingCode(random).replace(/-/g, '');
        const original = trackingAlphabet.indexOf(compact[position]!);
        const replacement = trackingAlphabet[(original + shift + 1) % trackingAlphabet.length]!;
        const changed = compact.slice(0, position) + replacement + compact.slice(position + 1);
        expect(parseTrackingCode(changed)).toBeUndefined();
      }),
    );
  });

  it('rejects every swap of two different adjacent symbols', () => {
    fc.assert(
      fc.property(randomSource, fc.nat(8), (random, position) => {
        const compact = generateTrackingCode(random).replace(/-/g, '');
        fc.pre(compact[position] !== compact[position + 1]);
        const swapped = compact.slice(0, position) + compact[position + 1] + compact[position] + compact.slice(position + 2);
        expect(parseTrackingCode(swapped)).toBeUndefined();
      }),
    );
  });

  it.each(['', 'ABCD', 'ABCD-EFGH-JKL', 'ABCD-EFGH-J0', 'ABCD-EFGH-JI'])('rejects malformed %j', (input) => {
    expect(parseTrackingCode(input)).toBeUndefined();
  });
});
