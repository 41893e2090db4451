import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64, encodeBase64, maxKioskPhotoBytes, sniffImageType } from './kiosk-photo.ts';

const btoa = (text: string) => encodeBase64(Uint8Array.from(text, (character) => character.charCodeAt(0)));
import { kioskCategories, KioskCategory, KioskSubmission, petitionClassOfCategory } from './kiosk-submission.ts';
import { RateInput, ReviewRequestInput, TrackingLookup } from './public-tracking.ts';

// DOMAIN.md §9's published example ID number; obviously synthetic names and numbers otherwise.
const valid = {
  name: '演示用户',
  idNumber: '11010519491231002x',
  mobile: '199 0000 0001',
  content: '小区电梯长期故障，物业不处理。',
  idempotencyKey: '6f1c1a9e-8a53-4c1e-9d1a-2b7c4a1e9f00',
  consent: true,
};

const jpegBase64 = btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 60 }, () => 0x41)));
const pngBase64 = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 60 }, () => 0x41)));
const pdfBase64 = btoa(`%PDF-1.7${'A'.repeat(60)}`);

function firstIssue(input: unknown, field: string) {
  const result = KioskSubmission.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues.find((candidate) => candidate.path[0] === field)?.message;
}

describe('kiosk submission', () => {
  it('accepts and normalises a valid submission with defaults', () => {
    expect(KioskSubmission.parse(valid)).toMatchObject({
      ...valid,
      idNumber: '11010519491231002X',
      mobile: '19900000001',
      petitionerKind: 'person',
      collective: false,
      headcount: 1,
      representatives: [],
      category: 'other',
      photos: [],
    });
  });

  it.each([
    ['mobile', { mobile: '123' }, 'validation.mobile.invalid'],
    ['content', { content: '   ' }, 'validation.required'],
    ['content', { content: '太短' }, 'validation.text.tooShort'],
    ['content', { content: 'x'.repeat(5001) }, 'validation.text.tooLong'],
    ['name', { name: '' }, 'validation.required'],
    ['name', { name: '<script>' }, 'validation.name.invalid'],
    ['idNumber', { idNumber: '110105194912310021' }, 'validation.idCard.checksum'],
    ['idNumber', { idNumber: '12345' }, 'validation.idCard.invalid'],
    ['idNumber', { idNumber: '110105194913310020' }, 'validation.idCard.birthDate'],
    ['creditCode', { petitionerKind: 'organisation', organisationName: '演示公司', creditCode: 'ABC' }, 'validation.creditCode.invalid'],
    ['organisationName', { petitionerKind: 'organisation' }, 'kiosk.organisationNameRequired'],
    ['headcount', { collective: true, headcount: 1, representatives: [{ name: '代表甲' }] }, 'kiosk.collective.headcount'],
    ['representatives', { collective: true, headcount: 12 }, 'kiosk.collective.representativeRequired'],
    ['representatives', { collective: true, headcount: 12, representatives: Array.from({ length: 6 }, () => ({ name: '代表' })) }, 'kiosk.collective.tooManyRepresentatives'],
    ['consent', { consent: false }, 'kiosk.consentRequired'],
    ['consent', { consent: undefined }, 'kiosk.consentRequired'],
    ['photos', { photos: [pdfBase64].map((dataBase64) => ({ contentType: 'image/jpeg', dataBase64 })) }, 'kiosk.photo.notImage'],
    ['photos', { photos: [{ contentType: 'image/png', dataBase64: jpegBase64 }] }, 'kiosk.photo.notImage'],
    ['photos', { photos: [{ contentType: 'image/jpeg', dataBase64: 'A'.repeat(Math.ceil(((maxKioskPhotoBytes + 10) * 4) / 3)) }] }, 'kiosk.photo.tooLarge'],
    ['photos', { photos: Array.from({ length: 4 }, () => ({ contentType: 'image/jpeg', dataBase64: jpegBase64 })) }, 'kiosk.photo.tooMany'],
    ['idempotencyKey', { idempotencyKey: 'nope' }, 'validation.invalid'],
    ['content', { content: '小区电梯长期故障\u0000物业不处理。' }, 'validation.text.unsafeCharacters'],
    ['content', { content: '小区电梯长期故障\ud800物业不处理。' }, 'validation.text.unsafeCharacters'],
    ['content', { content: '小区电梯长期故障\u001b[2J物业不处理。' }, 'validation.text.unsafeCharacters'],
    ['name', { name: '演示\u0000' }, 'validation.text.unsafeCharacters'],
    ['name', { name: '演示\udc00' }, 'validation.text.unsafeCharacters'],
    ['address', { address: '演示路\u00001号' }, 'validation.text.unsafeCharacters'],
    ['address', { address: '演示路\ud8401号' }, 'validation.text.unsafeCharacters'],
    ['organisationName', { petitionerKind: 'organisation', organisationName: '演示\u0007公司' }, 'validation.text.unsafeCharacters'],
    ['about', { about: '某餐馆\u0085' }, 'validation.text.unsafeCharacters'],
    ['request', { request: '请求\u007f整改' }, 'validation.text.unsafeCharacters'],
    ['creditCode', { petitionerKind: 'organisation', organisationName: '演示公司', creditCode: '91350100M000100Y43\u0000' }, 'validation.text.unsafeCharacters'],
    ['representatives', { collective: true, headcount: 12, representatives: [{ name: '代表\ud800' }] }, 'validation.text.unsafeCharacters'],
  ])('rejects a bad %s with a message code', (field, change, code) => {
    expect(firstIssue({ ...valid, ...change }, field)).toBe(code);
  });

  it.each([
    ['a name with rare characters beyond the BMP', { name: '王𪚥' }, { name: '王𪚥' }],
    ['a name of rare characters only', { name: '𠀀𠜎' }, { name: '𠀀𠜎' }],
    ['a representative with a rare character', { collective: true, headcount: 3, representatives: [{ name: '张𠀀' }] }, { representatives: [{ name: '张𠀀' }] }],
    ['content across lines with tabs', { content: '第一段：电梯故障。\r\n\t第二段：物业不处理。' }, { content: '第一段：电梯故障。\r\n\t第二段：物业不处理。' }],
    ['an address with a rare character', { address: '𪚥村1号' }, { address: '𪚥村1号' }],
  ])('accepts %s', (_, change, expected) => {
    expect(KioskSubmission.parse({ ...valid, ...change })).toMatchObject(expected);
  });

  it('refuses any free-text field holding a control character (tab, CR, LF aside) or half a surrogate pair, wherever it is', () => {
    const textFields = ['name', 'address', 'about', 'request', 'content'] as const;
    const unsafe = fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...textFields), unsafe, fc.nat(), (field, code, position) => {
        const text = field === 'name' ? '王𪚥明' : '小区电梯长期故障，物业不处理。';
        // anywhere, even between the halves of '𪚥': one of the surrogates is then left without its partner
        const at = position % (text.length + 1);
        const poisoned = `${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at)}`;
        expect(firstIssue({ ...valid, [field]: poisoned }, field)).toBe('validation.text.unsafeCharacters');
      }),
    );
  });

  it('accepts an organisation whose credit code fails only the checksum (a warning, not an error)', () => {
    const parsed = KioskSubmission.parse({ ...valid, petitionerKind: 'organisation', organisationName: '演示公司', creditCode: '91350100M000100Y42' });
    expect(parsed.creditCode).toBe('91350100M000100Y42');
  });

  it('accepts a collective matter with up to 5 representatives and real photos', () => {
    const parsed = KioskSubmission.parse({
      ...valid,
      collective: true,
      headcount: 30,
      representatives: Array.from({ length: 5 }, (_, index) => ({ name: `代表${'甲乙丙丁戊'[index]!}`, mobile: `1990000000${index}` })),
      photos: [
        { contentType: 'image/jpeg', dataBase64: jpegBase64 },
        { contentType: 'image/png', dataBase64: pngBase64 },
      ],
    });
    expect(parsed.representatives).toHaveLength(5);
    expect(parsed.photos).toHaveLength(2);
  });

  it('maps every plain-language category to a petition class; only misconduct is an accusation', () => {
    for (const category of KioskCategory.options) expect(['suggestion', 'accusation', 'claim']).toContain(petitionClassOfCategory(category));
    expect(KioskCategory.options.filter((category) => petitionClassOfCategory(category) === 'accusation')).toEqual(['misconduct']);
    expect(petitionClassOfCategory('suggestion')).toBe('suggestion');
    expect(Object.keys(kioskCategories).sort()).toEqual([...KioskCategory.options].sort());
  });
});

describe('photo checks', () => {
  it('computes the decoded size of any byte string from its base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(base64ByteLength(encoded)).toBe(bytes.length);
        expect(decodeBase64(encoded)).toEqual(bytes);
      }),
    );
  });

  it.each([
    [[0xff, 0xd8, 0xff, 0xdb], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'WEBP'].map((c) => c.charCodeAt(0))), 'image/webp'],
    [[...'%PDF-1.7'].map((c) => c.charCodeAt(0)), undefined],
    [[...'<svg xmlns'].map((c) => c.charCodeAt(0)), undefined],
  ])('sniffs %j as %s', (bytes, type) => {
    expect(sniffImageType(new Uint8Array(bytes))).toBe(type);
  });
});

describe('public tracking inputs', () => {
  it('normalises a typed tracking code and needs exactly 4 digits', () => {
    expect(TrackingLookup.safeParse({ trackingCode: 'abcd', mobileLast4: '1234' }).error?.issues[0]?.message).toBe('validation.trackingCode.invalid');
    expect(TrackingLookup.safeParse({ trackingCode: 'abcd', mobileLast4: '12a4' }).error?.issues.map((issue) => issue.message)).toContain('tracking.last4.invalid');
  });

  it('rejects an unknown rating and a too-short review reason', () => {
    expect(RateInput.safeParse({ trackingCode: 'x', mobileLast4: '1234', rating: 'great' }).success).toBe(false);
    expect(ReviewRequestInput.safeParse({ trackingCode: 'x', mobileLast4: '1234', reason: '不' }).error?.issues.map((issue) => issue.message)).toContain('validation.text.tooShort');
  });
});
