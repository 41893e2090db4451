import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentLexemes, foldCase, matchesAllWords, petitionSearchText, searchWords, tsqueryText, tsvectorText, wordLexemes } from './search-tokens.ts';

describe('search tokens', () => {
  it.each([
    ['路灯', ['灯', '路', '路灯']],
    ['路灯 不亮', ['不', '不亮', '亮', '灯', '路', '路灯']],
    ['AB', ['a', 'ab', 'b']],
    ['　\n', []],
    ['𠀋路', ['路', '𠀋', '𠀋路']],
  ])('documentLexemes(%j)', (text, expected) => {
    expect(documentLexemes(text)).toEqual(expected);
  });

  it.each([
    ['路', ['路']],
    ['路灯', ['路灯']],
    ['拖欠工资', ['拖欠', '欠工', '工资']],
    ['哈哈哈', ['哈哈']],
  ])('wordLexemes(%j)', (word, expected) => {
    expect(wordLexemes(word)).toEqual(expected);
  });

  it('splits queries on ASCII and full-width spaces and folds ASCII case only', () => {
    expect(searchWords(' 电梯　维修 电梯 ABC')).toEqual(['电梯', '维修', 'abc']);
    expect(foldCase('ÄBC')).toBe('Äbc');
  });

  it('quotes lexemes for tsquery and tsvector input', () => {
    expect(tsqueryText("拖欠工资 it's")).toBe("'拖欠' & '欠工' & '工资' & 'it' & 't''' & '''s'");
    expect(tsqueryText('  ')).toBeUndefined();
    expect(tsvectorText('a\\b').split(' ').sort()).toEqual(["'\\\\'", "'\\\\b'", "'a'", "'a\\\\'", "'b'"]);
  });

  it('joins the fields of a petition with a separator', () => {
    expect(petitionSearchText({ summary: '甲', content: '乙', request: null })).toBe('甲 乙');
    expect(petitionSearchText({ summary: '甲', content: '乙', request: '丙' })).toBe('甲 乙 丙');
    expect(petitionSearchText({ summary: '甲', content: '乙', request: null, respondent: '某公司', trackingCode: 'FT-1', filerName: '张三' })).toBe('甲 乙 某公司 FT-1 张三');
  });

  it('needs only lexemes the text has, for every word the text contains', () => {
    const character = fc.constantFrom('路', '灯', '电', '梯', 'A', 'b', ' ', '　', '𠀋');
    fc.assert(
      fc.property(fc.array(character, { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (characters, start, length) => {
        const text = characters.join('');
        const codePoints = [...text];
        const from = start % codePoints.length;
        const word = codePoints.slice(from, from + length).join('').trim();
        fc.pre(word.length > 0 && !/[ \u3000]/.test(word));
        const indexed = new Set(documentLexemes(text));
        expect(matchesAllWords(text, word)).toBe(true);
        expect(wordLexemes(word).every((lexeme) => indexed.has(lexeme))).toBe(true);
      }),
    );
  });
});
