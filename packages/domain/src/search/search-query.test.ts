import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeText } from '../text/safe-text.ts';
import { SearchHit, SearchQuery, SearchResult } from './search-query.ts';

describe('SearchQuery', () => {
  it.each([
    [{ text: '电梯 维修' }, { text: '电梯 维修', limit: 20 }],
    [{ text: '  电梯  ' }, { text: '电梯', limit: 20 }],
    [{ text: '查', limit: 1 }, { text: '查', limit: 1 }],
    [{ text: '查'.repeat(50), limit: 100 }, { text: '查'.repeat(50), limit: 100 }],
    [{ text: `  ${'a'.repeat(50)}  ` }, { text: 'a'.repeat(50), limit: 20 }],
  ])('accepts %j as %j', (input, expected) => {
    expect(SearchQuery.parse(input)).toEqual(expected);
  });

  it.each([
    ['empty text', { text: '' }, 'validation.required'],
    ['only spaces', { text: '   ' }, 'validation.required'],
    ['51 characters', { text: '查'.repeat(51) }, 'validation.text.tooLong'],
    ['a NUL character', { text: '电梯\u0000维修' }, 'validation.text.unsafeCharacters'],
    ['terminal escapes', { text: '\u0000\u0001\u0007\u001b[2J' }, 'validation.text.unsafeCharacters'],
    ['half a surrogate pair', { text: '电梯\ud842' }, 'validation.text.unsafeCharacters'],
    ['no text', {}, undefined],
    ['a zero limit', { text: '电梯', limit: 0 }, undefined],
    ['a limit over 100', { text: '电梯', limit: 101 }, undefined],
    ['a fractional limit', { text: '电梯', limit: 10.5 }, undefined],
  ])('refuses %s', (_, input, message) => {
    const result = SearchQuery.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('accepts any safe text (no control characters but tab, CR and LF; no half surrogate pairs) whose trimmed length is 1 to 50, as trimmed, and refuses the rest', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.string({ unit: 'binary', maxLength: 70 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 })), (text) => {
        const trimmed = text.trim();
        const result = SearchQuery.safeParse({ text });
        expect(result.success).toBe(trimmed.length >= 1 && trimmed.length <= 50 && isSafeText(text));
        if (result.success) expect(result.data.text).toBe(trimmed);
      }),
    );
  });
});

describe('SearchResult', () => {
  const hit = {
    id: '00000000-0000-4000-8000-0000000000b1',
    trackingCode: 'TEST-CODE-01',
    status: 'handling',
    channel: 'visit',
    petitionClass: 'claim',
    summary: '小区电梯长期故障',
    petitionerName: '张*',
    respondent: '某物业公司',
    excerpt: null,
    receivedAt: '2026-11-24T09:00:00+08:00',
    light: null,
  };

  it('accepts hits and the has-more flag', () => {
    expect(SearchResult.parse({ items: [hit], hasMore: true })).toEqual({ items: [hit], hasMore: true });
    expect(SearchResult.parse({ items: [], hasMore: false }).items).toEqual([]);
  });

  it('refuses a hit without a UUID and a result without the flag', () => {
    expect(SearchHit.safeParse({ ...hit, id: 'TEST-CODE-01' }).success).toBe(false);
    expect(SearchResult.safeParse({ items: [hit] }).success).toBe(false);
  });
});
