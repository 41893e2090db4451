import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('dates in Beijing time', () => {
  it.each([
    ['2026-11-24T16:30:00Z', 'zh', '2026/11/25 00:30'],
    ['2026-11-24T15:59:00Z', 'zh', '2026/11/24 23:59'],
    ['2026-11-24T16:30:00Z', 'en', '25/11/2026, 00:30'],
  ] as const)('%s in %s is %s', (iso, language, expected) => {
    expect(formatDateTime(iso, language)).toBe(expected);
  });

  it('takes the Beijing calendar day', () => {
    expect(formatDate('2026-12-31T16:00:00Z', 'zh')).toBe('2027/01/01');
  });
});
