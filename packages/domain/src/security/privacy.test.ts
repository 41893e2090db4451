import { describe, expect, it } from 'vitest';
import { RevealField, revealFieldLabels, RevealInput, RevealResult } from './privacy.ts';

const petitionId = '00000000-0000-4000-8000-0000000000b1';

describe('RevealInput', () => {
  it.each(RevealField.options)('accepts a reveal of %s with a reason, the petitioner optional', (field) => {
    expect(RevealInput.parse({ petitionId, field, reason: '  电话回访需要  ' })).toEqual({ petitionId, field, reason: '电话回访需要' });
    const petitionerId = '00000000-0000-4000-8000-0000000000c2';
    expect(RevealInput.parse({ petitionId, petitionerId, field, reason: '核实身份信息' }).petitionerId).toBe(petitionerId);
  });

  it.each([
    ['a reason of 3 characters', { reason: '回访用' }, 'reason', 'validation.text.tooShort'],
    ['a reason that is only spaces around 3 characters', { reason: '   回访用   ' }, 'reason', 'validation.text.tooShort'],
    ['a reason of 201 characters', { reason: '因'.repeat(201) }, 'reason', 'validation.text.tooLong'],
    ['a field not revealable', { field: 'name' }, 'field', undefined],
    ['a petition that is not a UUID', { petitionId: 'TEST-CODE-01' }, 'petitionId', 'validation.invalid'],
    ['a petitioner that is not a UUID', { petitionerId: '1' }, 'petitionerId', 'validation.invalid'],
  ])('refuses %s', (_, change, field, message) => {
    const result = RevealInput.safeParse({ petitionId, field: 'mobile', reason: '电话回访需要', ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual([field]);
    if (message) expect(issue?.message).toBe(message);
  });

  it('accepts reasons of exactly 4 and 200 characters', () => {
    expect(RevealInput.safeParse({ petitionId, field: 'address', reason: '上门走访' }).success).toBe(true);
    expect(RevealInput.safeParse({ petitionId, field: 'address', reason: '因'.repeat(200) }).success).toBe(true);
  });
});

describe('reveal fields', () => {
  it('labels exactly the revealable fields', () => {
    expect(Object.keys(revealFieldLabels).sort()).toEqual([...RevealField.options].sort());
    expect(revealFieldLabels.idNumber).toEqual({ zh: '身份证号码', en: 'ID number' });
  });

  it('returns the field with its full value', () => {
    expect(RevealResult.parse({ field: 'idNumber', value: '11010519491231002X' })).toEqual({ field: 'idNumber', value: '11010519491231002X' });
    expect(RevealResult.safeParse({ field: 'idNumber' }).success).toBe(false);
  });
});
