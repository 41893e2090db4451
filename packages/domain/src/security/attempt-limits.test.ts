import { describe, expect, it } from 'vitest';
import { addressKeyOf, callerCounters, defaultCallerLimits, minutesOf, secondsUntil } from './attempt-limits.ts';

describe('addressKeyOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:fffe', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not-an-address', 'not-an-address'],
  ])('%s → %s', (address, key) => {
    expect(addressKeyOf(address)).toBe(key);
  });

  it('puts every address of one /64 under one key, so rotating addresses inside it gains nothing', () => {
    expect(new Set(['2001:db8:1:2::1', '2001:db8:1:2::ffff', '2001:db8:1:2:1234:5678:9abc:def0'].map(addressKeyOf)).size).toBe(1);
  });
});

describe('callerCounters', () => {
  it('counts a call without a terminal token against its address alone', () => {
    expect(callerCounters('tracking', { address: '203.0.113.9' }, defaultCallerLimits)).toEqual([{ key: 'tracking:address:203.0.113.9', limit: 10, windowSeconds: 60 }]);
  });

  it('counts a kiosk call against its terminal and, with room for the hall’s other terminals, its address', () => {
    const terminal = 'k'.repeat(24);
    expect(callerCounters('tracking', { address: '203.0.113.9', terminal }, defaultCallerLimits)).toEqual([
      { key: `tracking:terminal:203.0.113.9:${terminal}`, limit: 10, windowSeconds: 60 },
      { key: 'tracking:address:203.0.113.9', limit: 100, windowSeconds: 60 },
    ]);
  });

  it('ignores a malformed terminal token (it could otherwise smuggle separators into the key)', () => {
    for (const terminal of ['short', 'x'.repeat(65), 'abc:def:0123456789abcdef', '']) {
      expect(callerCounters('public', { address: '203.0.113.9', terminal }, defaultCallerLimits)).toEqual([{ key: 'public:address:203.0.113.9', limit: 120, windowSeconds: 60 }]);
    }
  });
});

describe('waiting times', () => {
  it('rounds up and never says 0', () => {
    expect(secondsUntil(new Date(61_500), new Date(0))).toBe(62);
    expect(secondsUntil(new Date(0), new Date(5_000))).toBe(1);
    expect(minutesOf(61)).toBe(2);
    expect(minutesOf(1)).toBe(1);
  });
});
