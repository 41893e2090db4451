import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeText, SafeText } from './safe-text.ts';

/** An oracle written differently from the rule: walk the UTF-16 code units one by one. */
function isSafeByCodeUnits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (isHigh) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index++;
      continue;
    }
    if (isLow) return false;
    const isControl = unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);
    if (isControl && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
  }
  return true;
}

/** Any single UTF-16 code unit, so lone surrogates and every control character come up. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyUtf16 = fc.string({ unit: codeUnit, maxLength: 40 });
/** Text people type: any Unicode scalar value (pairs only) except the unsafe controls. */
const typedText = fc
  .string({ unit: 'binary', maxLength: 40 })
  .map((text) => text.replace(/[\p{Cc}]/gu, (character) => ('\t\n\r'.includes(character) ? character : '')));
const unsafeCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((code) => String.fromCharCode(code));

describe('isSafeText', () => {
  it.each([
    ['empty text', ''],
    ['Chinese', '楼下餐馆油烟很大，影响生活。'],
    ['a rare name character beyond the BMP (U+20000)', '张𠀀'],
    ['another (U+2A6A5)', '𪚥'],
    ['several, side by side', '𠜎𠜱𠝹𠱓'],
    ['an emoji with a skin tone', '👍🏽'],
    ['tab, line feed and carriage return', '第一行\r\n\t第二行\n'],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
    ['combining marks', 'Zalgơ̸̢'],
    ['the replacement character', '\ufffd'],
    ['bidirectional marks (visible in review, not a storage problem)', '\u202e\u2066x\u2069'],
  ])('accepts %s', (_, text) => {
    expect(isSafeText(text)).toBe(true);
    expect(SafeText.safeParse(text).success).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['NUL alone', '\u0000'],
    ['a bell and a terminal escape', '\u0007\u001b[2J'],
    ['a vertical tab', 'a\u000bb'],
    ['a form feed', 'a\u000cb'],
    ['DEL', 'a\u007f'],
    ['a C1 control (NEL)', 'a\u0085b'],
    ['a C1 control (CSI)', '\u009b31m'],
    ['a high surrogate at the end', '张\ud840'],
    ['a high surrogate before an ordinary character', '\ud840张'],
    ['a low surrogate alone', '\udc00'],
    ['a low surrogate after an ordinary character', '张\udc00'],
    ['a pair in the wrong order', '\udc00\ud840'],
    ['two high surrogates', '\ud840\ud840'],
    ['a good pair followed by a lone low surrogate', '𠀀\udc00'],
  ])('refuses %s', (_, text) => {
    expect(isSafeText(text)).toBe(false);
    expect(SafeText.safeParse(text).error?.issues.map((issue) => issue.message)).toEqual([
      'validation.text.unsafeCharacters',
    ]);
  });

  it('agrees with a code-unit walk on any UTF-16 string, well formed or not', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16, typedText, fc.string({ unit: 'grapheme', maxLength: 20 })), (text) => {
        expect(isSafeText(text)).toBe(isSafeByCodeUnits(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts everything people type, and such text survives UTF-8 (the database’s encoding) unchanged', () => {
    fc.assert(
      fc.property(typedText, (text) => {
        expect(isSafeText(text)).toBe(true);
        // encodeURIComponent writes UTF-8 and throws on half a surrogate pair
        expect(decodeURIComponent(encodeURIComponent(text))).toBe(text);
      }),
    );
  });

  it('refuses a text as soon as one unsafe character is put anywhere into it, unless it completes a surrogate pair', () => {
    fc.assert(
      fc.property(typedText, unsafeCharacter, fc.nat(), (text, character, position) => {
        const at = position % (text.length + 1);
        const poisoned = text.slice(0, at) + character + text.slice(at);
        expect(isSafeText(poisoned)).toBe(isSafeByCodeUnits(poisoned));
        if (!/[\ud800-\udfff]/.test(character)) expect(isSafeText(poisoned)).toBe(false);
      }),
    );
  });

  it('says a missing value is required, and checks the text as sent, before a field trims it', () => {
    expect(SafeText.safeParse(undefined).error?.issues[0]?.message).toBe('validation.required');
    const Field = SafeText.trim().min(1, 'validation.required');
    expect(Field.safeParse(' \u0000 ').error?.issues[0]?.message).toBe('validation.text.unsafeCharacters');
    expect(Field.parse('  𪚥  ')).toBe('𪚥');
  });
});
