import { describe, expect, it } from 'vitest';
import { MobileNumber, normaliseMobile } from './mobile.ts';

describe('mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['86 199 0000 0001', '19900000001'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
    expect(MobileNumber.parse(input)).toBe(expected);
  });

  it.each(['', '1380013800', '138001380001', '12800138000', '23800138000', 'abcdefghijk', '138oo138000'])('rejects %j', (input) => {
    expect(normaliseMobile(input)).toBeUndefined();
    const result = MobileNumber.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.mobile.invalid');
  });
});
