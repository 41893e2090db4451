import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParts, searchExcerpt, wordsNotShown } from './search-highlight.ts';
import { foldCase, searchWords } from './search-tokens.ts';

const marked = (text: string, query: string) => highlightParts(text, query).map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

describe('highlightParts', () => {
  it.each([
    ['小区电梯故障', '电梯', '小区[电梯]故障'],
    ['电梯电梯', '电梯', '[电梯电梯]'],
    ['小区电梯故障', '电梯 故障', '小区[电梯故障]'],
    ['小区电梯故障', '梯故 电梯', '小区[电梯故]障'],
    ['ABC公司 abc', 'abc', '[ABC]公司 [abc]'],
    ['小区电梯故障', '路灯', '小区电梯故障'],
    ['', '路灯', ''],
    ['<script>alert(1)</script>', 'script', '<[script]>alert(1)</[script]>'],
    ['𠀋路灯𠀋', '𠀋', '[𠀋]路灯[𠀋]'],
  ])('marks %j for %j as %j', (text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });

  it('gives back the text unchanged, in parts that alternate, with every match a query word’s span', () => {
    const character = fc.constantFrom('路', '灯', '电', '梯', 'A', 'a', 'b', ' ', '𠀋');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 30 }), fc.array(character, { minLength: 1, maxLength: 6 }), (textCharacters, queryCharacters) => {
        const text = textCharacters.join('');
        const query = queryCharacters.join('');
        const parts = highlightParts(text, query);
        expect(parts.map((part) => part.text).join('')).toBe(text);
        parts.slice(1).forEach((part, index) => expect(part.match).not.toBe(parts[index]!.match));
        const words = searchWords(query);
        for (const part of parts.filter((entry) => entry.match)) expect(words.some((word) => foldCase(part.text).includes(word))).toBe(true);
        // nothing unmarked still holds a whole word
        for (const part of parts.filter((entry) => !entry.match)) expect(words.some((word) => foldCase(part.text).includes(word))).toBe(false);
      }),
    );
  });
});

describe('searchExcerpt', () => {
  it.each([
    [['', '小区东门的路灯坏了三个月，晚上出行很不方便'], '路灯', 4, '…区东门的路灯坏了三个…'],
    [['路灯坏了'], '路灯', 4, '路灯坏了'],
    [[null, '请求：\n尽快修好路灯'], '路灯', 30, '请求： 尽快修好路灯'],
    [['无关', '某物业公司'], '物业', 30, '某物业公司'],
    [['无关'], '物业', 30, undefined],
    [['𠀋𠀋𠀋路灯'], '路灯', 1, '…𠀋路灯'],
  ] as const)('cuts %j around %j', (texts, query, radius, expected) => {
    expect(searchExcerpt(texts, query, radius)).toBe(expected);
  });
});

describe('wordsNotShown', () => {
  it.each([
    ['欧阳晓峰 钢丝绳 物业', ['小区电梯钢丝绳磨损', '欧阳晓峰'], '物业'],
    ['欧阳晓峰 钢丝绳', ['小区电梯钢丝绳磨损', '欧阳晓峰'], ''],
    ['KTBW', ['ktbw-lpkj-rs'], ''],
    ['翠园', [], '翠园'],
  ] as const)('of %j beside %j is %j', (query, shown, expected) => {
    expect(wordsNotShown(query, shown)).toBe(expected);
  });
});
