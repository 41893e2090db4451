import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegisteredPerson, RegisterMatterInput, RegisterMatterResult, RepeatCandidate, RepeatCandidatesQuery } from './registration.ts';

// DOMAIN.md §9's published example ID number; obviously synthetic names, numbers and UUIDs otherwise.
const hall = '00000000-0000-4000-8000-000000000091';
const valid = {
  channel: 'letter',
  receivedAt: '2026-11-24T09:00:00+08:00',
  hallUnitId: hall,
  summary: '小区电梯长期故障',
  content: '小区电梯长期故障，物业不处理，请求协调维修。',
  persons: [{ name: '演示用户' }],
  idempotencyKey: '00000000-0000-4000-8000-0000000000e1',
} as const;

function messages(input: unknown): string[] {
  const result = RegisterMatterInput.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

const persons = (count: number, representatives = 0) => Array.from({ length: count }, (_, index) => ({ name: `演示用户${'甲乙丙丁戊己庚辛壬癸'[index % 10] ?? ''}`, isRepresentative: index < representatives }));

describe('RegisterMatterInput', () => {
  it('accepts a letter with one person and fills the defaults', () => {
    expect(RegisterMatterInput.parse(valid)).toEqual({
      ...valid,
      persons: [{ name: '演示用户', isRepresentative: false }],
      headcount: 1,
      staffPresentIds: [],
      guidedOnline: false,
      repeatDecisions: [],
    });
  });

  it.each(['visit', 'letter', 'phone', 'fax'])('accepts the desk channel %s', (channel) => {
    expect(RegisterMatterInput.parse({ ...valid, channel }).channel).toBe(channel);
  });

  it('normalises the person’s ID number and mobile, and keeps an existing petitioner reference', () => {
    const parsed = RegisterMatterInput.parse({
      ...valid,
      persons: [{ name: ' 演示用户 ', idCardNumber: '11010519491231002x', mobile: '199 0000 0001', existingPetitionerId: '00000000-0000-4000-8000-0000000000c1' }],
    });
    expect(parsed.persons[0]).toEqual({ name: '演示用户', idCardNumber: '11010519491231002X', mobile: '19900000001', existingPetitionerId: '00000000-0000-4000-8000-0000000000c1', isRepresentative: false });
  });

  it('trims the summary and content', () => {
    expect(RegisterMatterInput.parse({ ...valid, summary: '  路灯不亮  ', content: '  小区路灯长期不亮。 ' })).toMatchObject({ summary: '路灯不亮', content: '小区路灯长期不亮。' });
  });

  it.each([
    ['an online matter (the public registers those themselves)', { ...valid, channel: 'online' }, 'channel: '],
    ['a receipt time without a UTC offset', { ...valid, receivedAt: '2026-11-24T09:00:00' }, 'receivedAt: validation.instant.invalid'],
    ['a hall that is not a UUID', { ...valid, hallUnitId: '440304' }, 'hallUnitId: validation.invalid'],
    ['a blank summary', { ...valid, summary: '   ' }, 'summary: validation.required'],
    ['a summary of 81 characters', { ...valid, summary: '事'.repeat(81) }, 'summary: validation.text.tooLong'],
    ['content of 4 characters', { ...valid, content: '路灯不亮' }, 'content: validation.text.tooShort'],
    ['no person', { ...valid, persons: [] }, 'persons: registration.personRequired'],
    ['an invalid ID number', { ...valid, persons: [{ name: '演示用户', idCardNumber: '110105194912310021' }] }, 'persons.0.idCardNumber: validation.idCard.'],
    ['an invalid mobile', { ...valid, persons: [{ name: '演示用户', mobile: '12345' }] }, 'persons.0.mobile: validation.mobile.invalid'],
    ['a headcount of 0', { ...valid, headcount: 0 }, 'headcount: '],
    ['a repeat decision that is neither confirmed nor dismissed', { ...valid, repeatDecisions: [{ candidatePetitionId: hall, decision: 'maybe' }] }, 'repeatDecisions.0.decision: '],
    ['a missing idempotency key', { ...valid, idempotencyKey: undefined }, 'idempotencyKey: '],
    ['a NUL in the summary', { ...valid, summary: '路灯\u0000不亮' }, 'summary: validation.text.unsafeCharacters'],
    ['half a surrogate pair in the content', { ...valid, content: '小区路灯长期不亮\ud83d。' }, 'content: validation.text.unsafeCharacters'],
    ['a terminal escape in the content', { ...valid, content: '小区路灯\u001b[31m长期不亮。' }, 'content: validation.text.unsafeCharacters'],
    ['a control character in a person’s name', { ...valid, persons: [{ name: '演示\u0008用户' }] }, 'persons.0.name: validation.text.unsafeCharacters'],
    ['half a surrogate pair in a person’s name', { ...valid, persons: [{ name: '演示\udfff' }] }, 'persons.0.name: validation.text.unsafeCharacters'],
    ['a receipt time in year 0', { ...valid, receivedAt: '0000-01-01T00:00:00Z' }, 'receivedAt: validation.instant.invalid'],
  ])('refuses %s', (_, input, expected) => {
    expect(messages(input).some((message) => message.startsWith(expected))).toBe(true);
  });

  it('keeps rare name characters beyond the BMP and line breaks in the content', () => {
    const parsed = RegisterMatterInput.parse({ ...valid, content: '第一段。\r\n\t第二段。', headcount: 2, persons: [{ name: '王𪚥' }, { name: '𠀀' }] });
    expect(parsed.persons.map((person) => person.name)).toEqual(['王𪚥', '𠀀']);
    expect(parsed.content).toBe('第一段。\r\n\t第二段。');
  });

  it('accepts a collective visit of 5 people with 5 representatives among 6 persons', () => {
    expect(RegisterMatterInput.parse({ ...valid, channel: 'visit', headcount: 30, persons: persons(6, 5) }).headcount).toBe(30);
  });

  it.each([
    ['6 representatives', { headcount: 30, persons: persons(6, 6) }, 'persons: visit.tooManyRepresentatives'],
    ['fewer people than persons named', { headcount: 2, persons: persons(3) }, 'headcount: visit.personCountTooSmall'],
    ['representatives for a group under 5', { headcount: 4, persons: persons(2, 1) }, 'headcount: registration.headcountTooSmall'],
  ])('refuses a visit with %s', (_, change, expected) => {
    expect(messages({ ...valid, channel: 'visit', ...change })).toContain(expected);
  });

  it('accepts exactly the headcount / persons / representatives combinations of Art. 20', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 40 }), (count, wanted, headcount) => {
        const representatives = Math.min(wanted, count);
        const accepted = RegisterMatterInput.safeParse({ ...valid, channel: 'visit', headcount, persons: persons(count, representatives) }).success;
        expect(accepted).toBe(representatives <= 5 && headcount >= count && (representatives === 0 || headcount >= 5));
      }),
    );
  });
});

describe('RegisteredPerson', () => {
  it('needs a name', () => {
    expect(RegisteredPerson.safeParse({ mobile: '19900000001' }).success).toBe(false);
    expect(RegisteredPerson.safeParse({ name: '' }).error?.issues[0]?.message).toBe('validation.required');
  });
});

describe('RepeatCandidatesQuery', () => {
  it('defaults to no numbers and normalises the ones given', () => {
    expect(RepeatCandidatesQuery.parse({})).toEqual({ idCardNumbers: [], mobiles: [] });
    expect(RepeatCandidatesQuery.parse({ idCardNumbers: ['440524188001010014'], mobiles: ['+86 199-0000-0001'] })).toEqual({ idCardNumbers: ['440524188001010014'], mobiles: ['19900000001'] });
  });

  it('refuses an invalid number and more than 50 of them', () => {
    expect(RepeatCandidatesQuery.safeParse({ mobiles: ['10000000000'] }).success).toBe(false);
    expect(RepeatCandidatesQuery.safeParse({ mobiles: Array.from({ length: 51 }, () => '19900000001') }).success).toBe(false);
  });
});

describe('registration results', () => {
  it('describes a saved matter and a repeat candidate', () => {
    const result = { id: '00000000-0000-4000-8000-0000000000b1', trackingCode: 'TEST-CODE-01', version: 1 };
    expect(RegisterMatterResult.parse(result)).toEqual(result);
    expect(RegisterMatterResult.safeParse({ ...result, version: '1' }).success).toBe(false);
    const candidate = { petitionId: result.id, trackingCode: 'TEST-CODE-02', summary: '此前事项', status: 'closed', receivedAt: '2026-01-05T09:00:00+08:00', matchedOn: 'idCard' };
    expect(RepeatCandidate.parse(candidate)).toEqual(candidate);
    expect(RepeatCandidate.safeParse({ ...candidate, matchedOn: 'name' }).success).toBe(false);
  });
});
