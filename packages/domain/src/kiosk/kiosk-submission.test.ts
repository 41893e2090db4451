import { describe, expect, it } from 'vitest';
import { KioskSubmission } from './kiosk-submission.ts';

const valid = { name: '演示用户', mobile: '199 0000 0001', content: '小区电梯长期故障，物业不处理。', idempotencyKey: '6f1c1a9e-8a53-4c1e-9d1a-2b7c4a1e9f00' };

describe('kiosk submission', () => {
  it('accepts and normalises a valid submission', () => {
    expect(KioskSubmission.parse(valid)).toEqual({ ...valid, mobile: '19900000001' });
  });

  it.each([
    ['mobile', { mobile: '123' }, 'validation.mobile.invalid'],
    ['content', { content: '   ' }, 'validation.required'],
    ['content', { content: '太短' }, 'validation.text.tooShort'],
    ['content', { content: 'x'.repeat(5001) }, 'validation.text.tooLong'],
    ['name', { name: '' }, 'validation.required'],
    ['name', { name: '<script>' }, 'validation.name.invalid'],
    ['idempotencyKey', { idempotencyKey: 'nope' }, 'validation.invalid'],
  ])('rejects a bad %s with a message code', (field, change, code) => {
    const result = KioskSubmission.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toBe(code);
  });
});
