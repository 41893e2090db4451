import { KioskSubmission } from '@xinfang/domain/kiosk';
import { describe, expect, it } from 'vitest';
import { emptyDraft, newIdempotencyKey, toSubmission } from './submission-store.ts';

describe('idempotency keys', () => {
  it('are RFC 4122 version-4 UUIDs and do not repeat', () => {
    const keys = Array.from({ length: 500 }, newIdempotencyKey);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a draft as API input', () => {
  it('drops organisation and collective fields the visitor did not choose, and parses', () => {
    const draft = { ...emptyDraft(), name: '演示用户', idNumber: '11010519491231002X', mobile: '19900000001', content: '路灯坏了两个月。', organisationName: '不应发送', headcount: '30', consent: true };
    const input = toSubmission(draft);
    expect(input).toMatchObject({ organisationName: '', headcount: 1, representatives: [] });
    expect(KioskSubmission.safeParse(input).success).toBe(true);
  });

  it('sends a collective matter with its representatives, leaving out empty mobile numbers', () => {
    const draft = { ...emptyDraft(), collective: true, headcount: '12', representatives: [{ name: '代表甲', mobile: '' }, { name: '代表乙', mobile: '19900000002' }] };
    expect(toSubmission(draft)).toMatchObject({ headcount: 12, representatives: [{ name: '代表甲' }, { name: '代表乙', mobile: '19900000002' }] });
  });
});
